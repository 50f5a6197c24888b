/**
 * How a page says, at the very start of its head, that it holds a `data-pagefind-body`: the search
 * indexer finds the few indexed pages of a site by reading the first bytes of each page only
 * (src/lib/search/index-site.ts), not all of its gigabytes.
 */
export const INDEXED_META_NAME = 'fineprint-search';
export const INDEXED_META_CONTENT = 'indexed';
