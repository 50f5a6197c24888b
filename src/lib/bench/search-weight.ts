import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

/**
 * What a first search on /search/ costs in bytes: every response the page and its workers received,
 * weighed as stored on disk and as a static host sends it (gzip for text; Pagefind's index, fragment,
 * filter, metadata and wasm files are gzip files already and go out as they are).
 */

/** What a first search may fetch in total, as sent over the wire. */
export const FIRST_SEARCH_BUDGET_BYTES = 150_000;

/** The kinds of file a search page fetches, in the order the tables list them. */
export const SEARCH_FILE_KINDS = ['page', 'styles', 'scripts', 'search metadata', 'search wasm', 'search index', 'search filters', 'search fragments', 'other'] as const;

/** One kind of file a search page fetches. */
export type SearchFileKind = (typeof SEARCH_FILE_KINDS)[number];

/** One response as received: its URL, the Content-Type it was served with and its body. */
export interface FetchedFile {
  url: string;
  contentType: string;
  body: Uint8Array;
}

/** One fetched file weighed: `raw` bytes as stored, `sent` bytes as a static host sends them. */
export interface FileWeight {
  url: string;
  kind: SearchFileKind;
  raw: number;
  sent: number;
}

/** The files fetched for one query and what they weigh together. */
export interface SearchWeight {
  query: string;
  files: FileWeight[];
  raw: number;
  sent: number;
}

// Pagefind's bundle: `pagefind.js`, `pagefind-worker.js`, `pagefind-entry.json`, `pagefind.<lang>_<hash>.pf_meta`,
// `wasm.<lang>.pagefind`, and `index/*.pf_index`, `filter/*.pf_filter`, `fragment/*.pf_fragment`.
const PAGEFIND_KINDS: [RegExp, SearchFileKind][] = [
  [/\.pf_index$/, 'search index'],
  [/\.pf_fragment$/, 'search fragments'],
  [/\.pf_filter$/, 'search filters'],
  [/(\.pf_meta|\/pagefind-entry\.json)$/, 'search metadata'],
  [/\/wasm\.[^/]+\.pagefind$/, 'search wasm'],
];

/** The kind of a fetched file, from its URL path and Content-Type. */
export function searchFileKind(url: string, contentType: string): SearchFileKind {
  const path = new URL(url).pathname;
  for (const [pattern, kind] of PAGEFIND_KINDS) if (pattern.test(path)) return kind;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html') return 'page';
  if (type === 'text/css') return 'styles';
  if (type === 'text/javascript' || type === 'application/javascript') return 'scripts';
  return 'other';
}

/** Whether a static host (GitHub Pages, Netlify, nginx's gzip_types) compresses a response of this Content-Type. */
export function isCompressedInTransit(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || /^application\/(javascript|json|xml|rss\+xml|manifest\+json)$/.test(type) || type === 'image/svg+xml';
}

/** Weighs one fetched file: its size on disk, and gzipped (level 6, the hosts' usual) when the host would compress it. */
export function weighFile(file: FetchedFile): FileWeight {
  const raw = file.body.byteLength;
  return {
    url: file.url,
    kind: searchFileKind(file.url, file.contentType),
    raw,
    sent: isCompressedInTransit(file.contentType) ? gzipSync(file.body, { level: 6 }).byteLength : raw,
  };
}

/** Sums the weights of the files fetched for one query. */
export function sumSearchWeight(query: string, files: FileWeight[]): SearchWeight {
  return {
    query,
    files,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    sent: files.reduce((sum, file) => sum + file.sent, 0),
  };
}

/** Bytes as kB (1000 bytes) with one decimal. */
export const formatKilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Bytes sent for each kind of file. */
export function sentByKind(weight: SearchWeight): Record<SearchFileKind, number> {
  const sums = Object.fromEntries(SEARCH_FILE_KINDS.map((kind) => [kind, 0])) as Record<SearchFileKind, number>;
  for (const file of weight.files) sums[file.kind] += file.sent;
  return sums;
}

/** A Markdown table with one row per query: bytes sent per kind of file, the totals and the budget verdict. */
export function formatSummaryTable(weights: SearchWeight[]): string {
  const kinds = SEARCH_FILE_KINDS.filter((kind) => weights.some((weight) => sentByKind(weight)[kind] > 0));
  const rows = weights.map((weight) => {
    const sums = sentByKind(weight);
    const verdict = weight.sent <= FIRST_SEARCH_BUDGET_BYTES ? 'within' : 'over';
    return `| ${weight.query} | ${kinds.map((kind) => formatKilobytes(sums[kind])).join(' | ')} | ${formatKilobytes(weight.raw)} | **${formatKilobytes(weight.sent)}** | ${verdict} |`;
  });
  return [
    `| query | ${kinds.join(' | ')} | total stored | total sent | budget ${formatKilobytes(FIRST_SEARCH_BUDGET_BYTES)} |`,
    `|---|${kinds.map(() => '---:|').join('')}---:|---:|---|`,
    ...rows,
  ].join('\n');
}

/** A Markdown table of every file fetched for one query, in the order it was received, paths relative to `origin`. */
export function formatFileTable(weight: SearchWeight, origin: string): string {
  return [
    '| file | kind | stored | sent |',
    '|---|---|---:|---:|',
    ...weight.files.map((file) => `| ${file.url.replace(origin, '')} | ${file.kind} | ${formatKilobytes(file.raw)} | ${formatKilobytes(file.sent)} |`),
    `| **total** | | **${formatKilobytes(weight.raw)}** | **${formatKilobytes(weight.sent)}** |`,
  ].join('\n');
}

/**
 * Opens `searchUrl` in a new page of `context` (which should have a fresh profile, so nothing is cached),
 * waits until `answered` is visible and the network is idle, and weighs every response the page and its
 * workers received.
 */
export async function measureFirstSearch(context: BrowserContext, searchUrl: string, answered: string, query: string): Promise<SearchWeight> {
  const page = await context.newPage();
  const received: Promise<FileWeight | null>[] = [];
  page.on('response', (response) => {
    received.push(
      response.body().then(
        (body) => weighFile({ url: response.url(), contentType: response.headers()['content-type'] ?? '', body }),
        // A redirect has no body to weigh.
        () => null,
      ),
    );
  });
  try {
    await page.goto(searchUrl, { waitUntil: 'load' });
    await page.locator(answered).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const files = (await Promise.all(received)).filter((file): file is FileWeight => file !== null);
    return sumSearchWeight(query, files);
  } finally {
    await page.close();
  }
}
