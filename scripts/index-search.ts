/** npm run build's last step: the Pagefind index of the built site (default dist/). */
import { resolve } from 'node:path';
import { indexBuiltSite } from '../src/lib/search/index-site';

const site = resolve(process.argv[2] ?? 'dist');
const start = performance.now();
const { scanned, indexed } = await indexBuiltSite(site);
console.log(`Search index: ${indexed} of ${scanned} pages indexed into ${site}/pagefind in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
