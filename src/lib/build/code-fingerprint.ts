import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return null;
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries === null) return [path];
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A SHA-256 over the files at these paths (folders taken whole, missing ones skipped), each by its
 * path relative to `root` and its bytes, and over `settings`: what every page of the site is
 * rendered with besides the archive, so that a page rendered with the same fingerprint and the same
 * data is the same page.
 */
export async function fingerprintSources(root: string, paths: string[], settings: Record<string, string | undefined>): Promise<string> {
  const files = (await Promise.all(paths.map((path) => filesUnder(resolve(root, path))))).flat().sort();
  const hash = createHash('sha256').update(JSON.stringify(settings));
  for (const file of files) {
    const bytes = await readFile(file);
    hash.update(`\0${relative(root, file)}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}
