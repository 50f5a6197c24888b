/**
 * The search page in the browser, on Pagefind's JS API (`pagefind.js` of the bundle the build writes
 * after Astro, loaded from the base-prefixed bundle path: a same-origin module the CSP allows).
 * Pagefind is loaded at the first search, so opening the page fetches nothing of it; a search fetches
 * the index chunks of its words and the data of the results shown, ten at a time; the filter values
 * are fetched when a filter is opened. Everything from the index is put on the page as text nodes;
 * the only markup taken from an excerpt is its `<mark>`s (see excerptToRuns).
 */
import {
  addResultsToGroups,
  describeResults,
  excerptToRuns,
  toPagefindFilters,
  type PagefindResultData,
  type PagefindSubResult,
  type ResultGroup,
} from '../lib/search/results';

type FilterCounts = Record<string, Record<string, number>>;

/** The part of `pagefind.js`'s exports used here. */
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters: object }): Promise<{ results: { data(): Promise<PagefindResultData> }[]; totalFilters: FilterCounts }>;
  filters(): Promise<FilterCounts>;
}

const RESULTS_PER_LOAD = 10;
const TYPING_PAUSE_MS = 300;

const root = document.getElementById('search')!;
const input = root.querySelector<HTMLInputElement>('#search-input')!;
const status = root.querySelector<HTMLElement>('.search-status')!;
const list = root.querySelector<HTMLOListElement>('.search-results')!;
const more = root.querySelector<HTMLButtonElement>('.search-more')!;
const filterGroups = [...root.querySelectorAll<HTMLDetailsElement>('.search-filter')];

const chosen = new Map<string, Set<string>>();
let pagefind: Promise<PagefindApi> | undefined;
let filterValues: Promise<FilterCounts> | undefined;
let latestSearch = 0;
let pending: { data(): Promise<PagefindResultData> }[] = [];
let resultCount = 0;
let shown = 0;
let groups: ResultGroup[] = [];
const groupLists = new Map<ResultGroup, HTMLUListElement>();

function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${root.dataset.bundlePath}pagefind.js`)) as PagefindApi;
    // Searching a small index on the page's own thread takes milliseconds; Pagefind's web worker would
    // be one more 12 kB script to fetch before the first result.
    await api.options({ baseUrl: root.dataset.baseUrl, excerptLength: 30, noWorker: true });
    return api;
  })();
  return pagefind;
}

function excerptElement(excerpt: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-excerpt';
  for (const run of excerptToRuns(excerpt)) {
    if (run.marked) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      paragraph.append(mark);
    } else paragraph.append(run.text);
  }
  return paragraph;
}

function link(url: string, text: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.textContent = text;
  return anchor;
}

function passageItem(group: ResultGroup, passage: PagefindSubResult): HTMLLIElement {
  const item = document.createElement('li');
  // Text before a page's first heading is the page itself: its link is the result's title.
  if (passage.url !== group.url) {
    const title = document.createElement('h3');
    title.append(link(passage.url, passage.title));
    item.append(title);
  }
  item.append(excerptElement(passage.excerpt));
  return item;
}

function groupItem(group: ResultGroup): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const title = document.createElement('h2');
  title.append(link(group.url, group.title));
  const passages = document.createElement('ul');
  passages.className = 'search-passages';
  groupLists.set(group, passages);
  item.append(title, passages);
  return item;
}

function setState(state: 'idle' | 'searching' | 'answered' | 'failed'): void {
  root.dataset.state = state;
  list.setAttribute('aria-busy', String(state === 'searching'));
}

function fail(error: unknown): void {
  status.textContent = `Search could not run: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
  setState('failed');
}

async function showMore(searchId: number): Promise<void> {
  const next = pending.slice(shown, shown + RESULTS_PER_LOAD);
  const data = await Promise.all(next.map((result) => result.data()));
  if (searchId !== latestSearch) return;
  for (const group of addResultsToGroups(groups, data)) list.append(groupItem(group));
  for (const group of groups) groupLists.get(group)!.replaceChildren(...group.passages.map((passage) => passageItem(group, passage)));
  shown += next.length;
  status.textContent = describeResults(resultCount, shown, input.value.trim());
  more.hidden = shown >= resultCount;
}

/** Shows beside each filter value how many results of the query (whatever the filters chosen) have it. */
function showCounts(counts: FilterCounts): void {
  for (const label of root.querySelectorAll<HTMLElement>('.search-filter label')) {
    const box = label.querySelector('input')!;
    label.querySelector('.search-filter-count')!.textContent = `(${counts[box.name]?.[box.value] ?? 0})`;
  }
}

async function search(): Promise<void> {
  const searchId = ++latestSearch;
  const query = input.value.trim();
  const url = new URL(location.href);
  if ((url.searchParams.get('q') ?? '') !== query) {
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  }
  const filters = toPagefindFilters(chosen);
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = '';
    more.hidden = true;
    setState('idle');
    const totals = await filterValues;
    if (totals && searchId === latestSearch) showCounts(totals);
    return;
  }
  setState('searching');
  try {
    const api = await loadPagefind();
    const response = await api.search(query || null, { filters });
    if (searchId !== latestSearch) return;
    pending = response.results;
    resultCount = pending.length;
    shown = 0;
    groups = [];
    groupLists.clear();
    list.replaceChildren();
    if (filterValues) showCounts(response.totalFilters);
    await showMore(searchId);
    if (searchId === latestSearch) setState('answered');
  } catch (error) {
    if (searchId === latestSearch) fail(error);
  }
}

function filterValue(name: string, value: string): HTMLLabelElement {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = name;
  box.value = value;
  box.checked = chosen.get(name)?.has(value) ?? false;
  box.addEventListener('change', () => {
    const values = chosen.get(name) ?? new Set<string>();
    if (box.checked) values.add(value);
    else values.delete(value);
    chosen.set(name, values);
    void search();
  });
  const count = document.createElement('span');
  count.className = 'search-filter-count';
  label.append(box, ` ${value} `, count);
  return label;
}

/** Fetches the filter values once, when a filter is first opened, and shows them with their counts for the current search. */
async function showFilterValues(): Promise<void> {
  if (filterValues) return;
  filterValues = loadPagefind().then((api) => api.filters());
  try {
    const values = await filterValues;
    for (const group of filterGroups) {
      const name = group.dataset.filter!;
      const fieldset = group.querySelector('fieldset')!;
      const names = Object.keys(values[name] ?? {}).sort((a, b) => a.localeCompare(b));
      fieldset.querySelector('.search-filter-loading')?.remove();
      fieldset.append(...names.map((value) => filterValue(name, value)));
    }
    showCounts(values);
    const query = input.value.trim();
    // The counts for the current query come with a search, now that the filter values are loaded.
    if (query) showCounts((await (await loadPagefind()).search(query, { filters: toPagefindFilters(chosen) })).totalFilters);
  } catch (error) {
    fail(error);
  }
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => void search(), TYPING_PAUSE_MS);
});
root.querySelector('form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void search();
});
let loadingMore = false;
more.addEventListener('click', async () => {
  if (loadingMore) return;
  loadingMore = true;
  try {
    await showMore(latestSearch);
    // The button is gone once everything is shown: keep the keyboard in the results.
    if (more.hidden) list.querySelector<HTMLAnchorElement>('.search-result:last-child h2 a')?.focus();
  } catch (error) {
    fail(error);
  } finally {
    loadingMore = false;
  }
});
for (const group of filterGroups) {
  group.addEventListener('toggle', () => {
    if (group.open) void showFilterValues();
  });
}

root.querySelector<HTMLElement>('.search-ui')!.hidden = false;
// The header's search box on every page submits here as ?q=…
const asked = new URLSearchParams(location.search).get('q');
if (asked) {
  input.value = asked;
  const header = document.getElementById('site-search') as HTMLInputElement | null;
  if (header) header.value = asked;
  void search();
}
