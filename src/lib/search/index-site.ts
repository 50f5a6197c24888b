import { open, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { pageUrlOf, splitProvisionRecords } from './provision-records';
import { INDEXED_META_NAME } from './indexed-mark';
import { rechunkWordIndex } from './rechunk-index';

/** The element Pagefind indexes a page from: the latest texts, notes and analyses (see the page templates). */
const INDEXED_BODY = 'data-pagefind-body';

/** What indexing a built site did; `kept` names the languages whose word index was left in Pagefind's chunks, and why. */
export interface SearchIndexFigures {
  scanned: number;
  indexed: number;
  kept: string[];
}

/**
 * Builds the Pagefind index of a built site into `<site>/pagefind`, from the pages marked in their
 * head as holding a data-pagefind-body only: the site has a page per version, diff and provision,
 * and handing only the few indexed pages to Pagefind spares it parsing all the others. A document's
 * page is indexed as one record per provision (see provision-records.ts), and the word index is
 * rewritten in smaller chunks (see rechunk-index.ts): both so that a search fetches little. `htmlFiles` are the site's HTML files
 * relative to it (listHtmlFiles), listed once for the sitemaps and the index.
 */
export async function indexBuiltSite(site: string, htmlFiles: string[]): Promise<SearchIndexFigures> {
  const pages = htmlFiles.map((file) => join(site, file));
  const marked = await pagesWithMark(pages);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const path of marked) {
      const content = await readFile(path, 'utf8');
      if (!content.includes(INDEXED_BODY)) throw new Error(`${path} is marked for the search in its head but has no ${INDEXED_BODY}.`);
      const sourcePath = relative(site, path);
      const records = splitProvisionRecords(content);
      // Pagefind keeps one record per URL: a provision's record is at its anchored URL.
      const files = records ? records.map(({ id, html }) => ({ url: pageUrlOf(sourcePath) + (id ? `#${id}` : ''), content: html })) : [{ sourcePath, content }];
      for (const file of files) {
        const added = await index.addHTMLFile(file);
        if (added.errors.length) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
      }
    }
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const rechunked = await rechunkWordIndex(join(site, 'pagefind'));
  const kept = rechunked.flatMap(({ language, skipped }) => (skipped ? [`${language}: ${skipped}`] : []));
  return { scanned: pages.length, indexed: marked.length, kept };
}

// The mark sits right after <meta charset> (src/layouts/BaseLayout.astro): the first bytes of a page hold it.
const MARK_BYTES = Buffer.from(`name="${INDEXED_META_NAME}"`);
const HEAD_BYTES = 1024;
// Reads in flight while looking for the mark: a site has a file per page, and one read at a time
// leaves the disk and the kernel idle between them. On contrib's 218,634 pages, 8 at once took 5.5 s
// (11.7 s with no page in the kernel's cache), 32 at once 3.2 s (3.4 s).
const SCAN_CONCURRENCY = 32;

/**
 * The pages, in their order, whose head carries the search mark (src/lib/search/indexed-mark.ts),
 * from the first kilobyte of each: the indexed pages are a few hundred of a site's hundreds of
 * thousands, and contrib's pages add up to 12 GB.
 */
async function pagesWithMark(pages: string[]): Promise<string[]> {
  const isMarked = new Array<boolean>(pages.length);
  let next = 0;
  const scan = async () => {
    const head = Buffer.alloc(HEAD_BYTES);
    while (next < pages.length) {
      const position = next++;
      const file = await open(pages[position]!);
      try {
        const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
        isMarked[position] = head.subarray(0, bytesRead).includes(MARK_BYTES);
      } finally {
        await file.close();
      }
    }
  };
  await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, scan));
  return pages.filter((_, position) => isMarked[position]);
}
