import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listHtmlFiles } from '../../src/lib/build/built-pages';
import { INDEXED_META_NAME } from '../../src/lib/search/indexed-mark';

/** The pages of a built site that hold a data-pagefind-body, and those whose first kilobyte carries the search mark. */
export async function indexedAndMarkedPages(outDir: string): Promise<{ indexed: string[]; marked: string[] }> {
  const pages = await listHtmlFiles(outDir);
  return {
    indexed: pages.filter((file) => readFileSync(join(outDir, file), 'utf8').includes('data-pagefind-body')),
    marked: pages.filter((file) => readFileSync(join(outDir, file)).subarray(0, 1024).includes(`<meta name="${INDEXED_META_NAME}"`)),
  };
}
