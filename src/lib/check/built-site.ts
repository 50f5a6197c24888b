import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listBuiltFiles } from '../build/built-pages';
import { FineprintError } from '../errors';
import { extractPageLinks, type PageLinks } from './links';

/** A built site as the checks read it: every file, and the links of every HTML page. */
export interface BuiltSite {
  /** Paths relative to the built folder, with forward slashes. */
  files: Set<string>;
  pages: Map<string, PageLinks>;
}

/** Lists every file of a built folder (`dist/`) and reads the links of its HTML pages. */
export async function readBuiltSite(dir: string): Promise<BuiltSite> {
  const files = new Set(
    await listBuiltFiles(dir).catch((error: unknown) => {
      throw new FineprintError(`Cannot read the built site at "${dir}": ${String(error)}. Build it first with npm run build.`);
    }),
  );
  const pages = new Map<string, PageLinks>();
  for (const file of [...files].filter((name) => name.endsWith('.html')).sort()) {
    pages.set(file, extractPageLinks(await readFile(path.join(dir, file), 'utf8')));
  }
  return { files, pages };
}
