/**
 * tsx scripts/check-links.ts [built folder, default dist]
 * Fails (exit 1) on any internal link of the built site to a missing file or a missing #anchor. The
 * site and base come from the build's own api/permalinks.json.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readBuiltSite } from '../src/lib/check/built-site';
import { findBrokenLinks, formatBrokenLinks } from '../src/lib/check/links';
import { parsePermalinkManifest } from '../src/lib/check/permalinks';

const dist = path.resolve(process.argv[2] ?? 'dist');
const manifestFile = path.join(dist, 'api/permalinks.json');
const { site, base } = parsePermalinkManifest(await readFile(manifestFile, 'utf8'), manifestFile);
const built = await readBuiltSite(dist);
const broken = findBrokenLinks(built.pages, built.files, { site, base });
if (broken.length > 0) {
  console.error(`${broken.length} broken internal links in ${dist}:\n${formatBrokenLinks(broken)}`);
  process.exit(1);
}
console.log(`${built.pages.size} pages of ${dist}: every internal link and anchor resolves.`);
