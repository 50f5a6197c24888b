/**
 * What the search page shows of Pagefind's results (src/scripts/search.ts). A result is one search
 * record: a provision of a document (see provision-records.ts), or a whole note or analysis. Results of
 * one document are shown together under it, in the order Pagefind ranked them.
 */

/** The filters the index carries (`data-pagefind-filter`, see SearchIndexMeta.astro), in the order the page offers them. */
export const SEARCH_FILTERS = [
  { name: 'platform', label: 'Platform' },
  { name: 'type', label: 'Document type' },
  { name: 'topic', label: 'Topic' },
] as const;

/** A passage of a result as Pagefind gives it in `data().sub_results`: a heading's title, its anchored URL and an excerpt. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

/** The part of a Pagefind result's `data()` the page uses: URL (with the base URL), `meta.title`, excerpt, passages and anchors. */
export interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
  excerpt: string;
  sub_results: PagefindSubResult[];
  anchors: { title?: string }[];
}

/** A page among the results (a document, note or analysis), with the passages that matched in it. */
export interface ResultGroup {
  url: string;
  title: string;
  passages: PagefindSubResult[];
}

/** How many passages of one result are shown: a whole note can match under many of its headings. */
export const PASSAGES_PER_RESULT = 3;

const withoutHash = (url: string) => url.replace(/#.*$/, '');

// A provision's record starts with its anchored heading or clause; a whole page is titled by its meta title.
const wholeRecord = (result: PagefindResultData): PagefindSubResult => ({
  title: (result.url.includes('#') ? result.anchors[0]?.title : undefined) ?? result.meta.title ?? result.url,
  url: result.url,
  excerpt: result.excerpt,
});

/**
 * Adds results to the groups already shown, in place: a result of a page already shown adds its
 * passages to that page's group, any other starts a new group at the end. Returns the groups it started.
 */
export function addResultsToGroups(groups: ResultGroup[], results: readonly PagefindResultData[]): ResultGroup[] {
  const started: ResultGroup[] = [];
  for (const result of results) {
    const url = withoutHash(result.url);
    let group = groups.find((candidate) => candidate.url === url);
    if (!group) {
      group = { url, title: result.meta.title ?? url, passages: [] };
      groups.push(group);
      started.push(group);
    }
    // A search by filters alone matches no words, so Pagefind finds no passages: the record is the passage.
    const passages = result.sub_results.length > 0 ? result.sub_results : [wholeRecord(result)];
    for (const passage of passages.slice(0, PASSAGES_PER_RESULT)) {
      if (!group.passages.some((shown) => shown.url === passage.url)) group.passages.push(passage);
    }
  }
  return started;
}

/** A run of an excerpt's text: `marked` when it is a word that matched the query. */
export interface ExcerptRun {
  text: string;
  marked: boolean;
}

/**
 * An excerpt as runs of plain text. Pagefind builds excerpts from the indexed text with `<` and `>`
 * escaped as `&lt;` and `&gt;` and wraps matching words in `<mark>…</mark>`, so those two tags are the
 * only markup in it; everything else, entity-like text included, is shown as text.
 */
export function excerptToRuns(excerpt: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  for (const [i, part] of excerpt.split(/<\/?mark>/).entries()) {
    if (part) runs.push({ text: unescape(part), marked: i % 2 === 1 });
  }
  return runs;
}

/** The filters chosen on the page, as Pagefind's `filters` search option: any chosen value of a filter, every filter. */
export function toPagefindFilters(chosen: ReadonlyMap<string, ReadonlySet<string>>): Record<string, { any: string[] }> {
  return Object.fromEntries([...chosen].filter(([, values]) => values.size > 0).map(([filter, values]) => [filter, { any: [...values] }]));
}

/** The sentence that announces a search's results. */
export function describeResults(count: number, shown: number, query: string): string {
  const subject = query ? ` for “${query}”` : '';
  if (count === 0) return `No results${subject}.`;
  const total = `${count} ${count === 1 ? 'result' : 'results'}${subject}`;
  return shown < count ? `${total}, showing the first ${shown}.` : `${total}.`;
}
