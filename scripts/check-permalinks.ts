/**
 * tsx scripts/check-permalinks.ts <previous manifest: file or URL> <built folder>
 * Fails (exit 1) when a URL of the previous build's /api/permalinks.json is not served by the new build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readBuiltSite } from '../src/lib/check/built-site';
import { findUnresolvedPermalinks, manifestUrls, parsePermalinkManifest } from '../src/lib/check/permalinks';

const [previousSource, distArgument] = process.argv.slice(2);
if (!previousSource || !distArgument) {
  console.error('Usage: tsx scripts/check-permalinks.ts <previous api/permalinks.json file or URL> <built folder, e.g. dist>');
  process.exit(2);
}
const dist = path.resolve(distArgument);

async function readSource(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFile(source, 'utf8');
  const response = await fetch(source);
  if (!response.ok) throw new Error(`Fetching the previous manifest ${source} answered HTTP ${response.status}.`);
  return response.text();
}

const previous = parsePermalinkManifest(await readSource(previousSource), previousSource);
const currentFile = path.join(dist, 'api/permalinks.json');
const current = parsePermalinkManifest(
  await readFile(currentFile, 'utf8').catch(() => {
    throw new Error(`${currentFile} is missing: build the site (npm run build) before checking its permalinks.`);
  }),
  currentFile,
);
const { files } = await readBuiltSite(dist);
const lost = findUnresolvedPermalinks(previous, files, current.base);
const total = manifestUrls(previous).length;
if (lost.length > 0) {
  console.error(`${lost.length} of ${total} permalinks of ${previousSource} no longer resolve in ${dist}:\n${lost.join('\n')}`);
  console.error('Published URLs must never change: restore these pages (see DESIGN.md, "Public URLs").');
  process.exit(1);
}
console.log(`All ${total} permalinks of ${previousSource} resolve in ${dist}.`);
