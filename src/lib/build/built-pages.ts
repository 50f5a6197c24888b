import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file of a built site, relative to it with forward slashes, in the order the folder lists them. */
export async function listBuiltFiles(site: string): Promise<string[]> {
  return (await readdir(site, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(site, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Every HTML file of a built site, as listBuiltFiles gives them: one listing serves the sitemaps and the search index. */
export async function listHtmlFiles(site: string): Promise<string[]> {
  return (await listBuiltFiles(site)).filter((file) => file.endsWith('.html'));
}
