import { readdir, readFile } from 'node:fs/promises';
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
 * (see rechunk-index.ts): both so that a search fetches little.
 */
export async function indexBuiltSite(site: string): Promise<SearchIndexFigures> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let scanned = 0;
  let indexed = 0;
  try {
    for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      scanned++;
      const path = join(entry.parentPath, entry.name);
      const content = await readFile(path, 'utf8');
      if (!content.includes(INDEXED_MARKER)) continue;
      const sourcePath = relative(site, path);
      const records = splitProvisionRecords(content);
      // Pagefind keeps one record per URL: a provision's record is at its anchored URL.
      const files = records ? records.map(({ id, html }) => ({ url: pageUrlOf(sourcePath) + (id ? `#${id}` : ''), content: html })) : [{ sourcePath, content }];
      for (const file of files) {
        const added = await index.addHTMLFile(file);
        if (added.errors.length) throw new Error(`Pagefind could not index ${path}: ${added.errors.join('; ')}`);
      }
      indexed++;
    }
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const rechunked = await rechunkWordIndex(join(site, 'pagefind'));
  const kept = rechunked.flatMap(({ language, skipped }) => (skipped ? [`${language}: ${skipped}`] : []));
  return { scanned, indexed, kept };
}
