/**
 * npm run bench:search -- [dist] [--query <q>]… [--answered <css selector>]
 * Serves a built site (default dist/, under FINEPRINT_BASE) on 127.0.0.1, opens /search/?q=<q> in headless
 * Chromium with a fresh profile for each query, and prints what the first search fetched, in bytes as stored
 * and as a static host sends them (see src/lib/bench/search-weight.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { FIRST_SEARCH_BUDGET_BYTES, formatFileTable, formatSummaryTable, measureFirstSearch, type SearchWeight } from '../src/lib/bench/search-weight';
import { startStaticServer } from '../src/lib/static-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/lib/tracker/browser';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    query: { type: 'string', multiple: true },
    // The search page sets data-state="answered" once a search's results are on the page.
    answered: { type: 'string', default: '#search[data-state="answered"]' },
  },
});
// One word, the four words of a common question, and an exact phrase.
const queries = values.query ?? ['arbitration', 'train on your conversations', '"personal data"'];
const site = resolve(positionals[0] ?? 'dist');

const server = await startStaticServer(site, { base: process.env.FINEPRINT_BASE ?? '/' });
const weights: SearchWeight[] = [];
try {
  for (const query of queries) {
    const profile = await mkdtemp(join(tmpdir(), 'fineprint-bench-search-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      weights.push(await measureFirstSearch(context, `${server.url}search/?q=${encodeURIComponent(query)}`, values.answered, query));
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}

const origin = new URL(server.url).origin;
console.log(`First search on ${site}: bytes fetched, budget ${FIRST_SEARCH_BUDGET_BYTES / 1000} kB sent\n`);
console.log(formatSummaryTable(weights));
for (const weight of weights) console.log(`\n### ${weight.query}\n\n${formatFileTable(weight, origin)}`);
process.exitCode = weights.every((weight) => weight.sent <= FIRST_SEARCH_BUDGET_BYTES) ? 0 : 1;
