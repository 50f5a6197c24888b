import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { pageUrlOf, splitProvisionRecords } from './provision-records';
import { rechunkWordIndex } from './rechunk-index';

/** The marker of pages the search indexes: the latest texts, notes and analyses (see the page templates). */
const INDEXED_MARKER = 'data-pagefind-body';

/** What indexing a built site did; `kept` names the languages whose word index was left in Pagefind's chunks, and why. */
export interface SearchIndexFigures {
  scanned: number;
  indexed: number;
  kept: string[];
}

/**
 * Builds the Pagefind index of a built site into `<site>/pagefind`, from the pages that carry
 * data-pagefind-body only: the site has a page per version, diff and provision, and handing only the
 * few indexed pages to Pagefind spares it parsing all the others. A document's page is indexed as one
 * record per provision (see provision-records.ts), and the word index is rewritten in smaller chunks
 * (see rechunk-index.ts): both so that a search fetches little. `htmlFiles` are the site's HTML files
 * relative to it (listHtmlFiles), listed once for the sitemaps and the index.
 */
export async function indexBuiltSite(site: string, htmlFiles: string[]): Promise<SearchIndexFigures> {
  const pages = htmlFiles.map((file) => join(site, file));
  const marked = await pagesWithMarker(pages);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const path of marked) {
      const content = await readFile(path, 'utf8');
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

const MARKER_BYTES = Buffer.from(INDEXED_MARKER);
// Reads in flight while looking for the marker: a site has a file per page, and one read at a time
// leaves the disk and the kernel idle between them.
const SCAN_CONCURRENCY = 8;

/**
 * The pages, in their order, that carry the marker, searched for in bytes: the indexed pages are a few
 * hundred of a site's hundreds of thousands, not worth decoding them all. On contrib's 218k pages
 * (12 GB) this takes 29 s, against 74 s reading and decoding one page after another.
 */
async function pagesWithMarker(pages: string[]): Promise<string[]> {
  const isMarked = new Array<boolean>(pages.length);
  let next = 0;
  const scan = async () => {
    while (next < pages.length) {
      const position = next++;
      isMarked[position] = (await readFile(pages[position]!)).includes(MARKER_BYTES);
    }
  };
  await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, scan));
  return pages.filter((_, position) => isMarked[position]);
}
