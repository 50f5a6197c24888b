import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every HTML file of a built site, relative to it, in the order the folder lists them: one listing serves the sitemaps and the search index. */
export async function listHtmlFiles(site: string): Promise<string[]> {
  return (await readdir(site, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(site, join(entry.parentPath, entry.name)));
}
