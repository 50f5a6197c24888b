import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SEARCH_BUDGET_BYTES, measureFirstSearch } from '../../src/lib/bench/search-weight';
import { browseSite, launchBrowser, type BrowsedSite } from '../helpers/browser';
import { FIXTURE_SITE } from '../helpers/build-site';
import { provisionsFixtureSite } from '../helpers/provisions-site';

/** The search page marks itself answered once a search's results are on the page. */
const ANSWERED = '#search[data-state="answered"]';

let site: BrowsedSite;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  site = await browseSite((await provisionsFixtureSite()).outDir, FIXTURE_SITE.base);
  page = site.page;
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});
afterAll(async () => site?.close());

describe('what a first search fetches', () => {
  // The fixture's index is small, so the budget holds with room here; `npm run bench:search` measures it on
  // the shipped archive. What this pins down is the page's share: no Pagefind UI, no worker, no filter
  // values, one index chunk per word and the data of the ten results shown, nothing more.
  it('stays within the budget, fetching the chunk of its word and the data of the ten results shown only', async () => {
    const browser = await launchBrowser();
    try {
      const weight = await measureFirstSearch(browser.context, `${site.url}search/?q=the`, ANSWERED, 'the');
      const paths = weight.files.map((file) => new URL(file.url).pathname);
      expect(weight.sent).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET_BYTES);
      expect(paths.filter((path) => /pagefind-(ui|component-ui|modular-ui|worker|highlight)/.test(path))).toEqual([]);
      expect(weight.files.filter((file) => file.kind === 'search filters')).toEqual([]);
      expect(weight.files.filter((file) => file.kind === 'search index').length).toBe(1);
      expect(weight.files.filter((file) => file.kind === 'search fragments').length).toBe(10);
    } finally {
      await browser.close();
    }
  });

  it('fetches nothing of Pagefind until a search is asked for', async () => {
    const fetched: string[] = [];
    const record = (request: { url(): string }) => fetched.push(new URL(request.url()).pathname);
    page.on('request', record);
    await page.goto(`${site.url}search/`, { waitUntil: 'networkidle' });
    page.off('request', record);
    expect(fetched.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    expect(await page.locator('.search-ui').isVisible()).toBe(true);
  });
});

describe('the search page', () => {
  it('searches as you type, after a pause, and keeps the query in the address', async () => {
    await page.goto(`${site.url}search/`);
    await page.locator('#search-input').pressSequentially('bug bounty');
    await page.locator(ANSWERED).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('bug bounty');
    expect(await page.locator('.search-passages h3 a', { hasText: 'Bug bounty' }).first().getAttribute('href')).toBe(
      '/fineprint/chatgpt/vulnerability-disclosure-policy/#bug-bounty',
    );
  });

  it('shows ten results at a time and the rest on request, keeping the keyboard in the results', async () => {
    await page.goto(`${site.url}search/?q=the`);
    await page.locator(ANSWERED).waitFor();
    const status = page.locator('.search-status');
    const total = Number((await status.textContent())!.match(/^(\d+) results for “the”, showing the first 10\.$/)![1]);
    expect(total).toBeGreaterThan(10);
    await page.locator('.search-more').click();
    await expect.poll(() => status.textContent()).toBe(`${total} results for “the”.`);
    expect(await page.locator('.search-more').isHidden()).toBe(true);
    expect(await page.evaluate('document.activeElement.closest(".search-result") === document.querySelector(".search-result:last-child")')).toBe(true);
  });

  it('says so when nothing matches', async () => {
    await page.goto(`${site.url}search/?q=zyxwvutsrq`);
    await page.locator(ANSWERED).waitFor();
    expect(await page.locator('.search-status').textContent()).toBe('No results for “zyxwvutsrq”.');
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  it('counts the results of each filter value once the filter is opened, and filters to that many', async () => {
    await page.goto(`${site.url}search/?q=the`);
    await page.locator(ANSWERED).waitFor();
    await page.locator('.search-filter summary', { hasText: 'Document type' }).click();
    const note = page.locator('.search-filter[data-filter="type"] label', { hasText: 'Note' });
    await expect.poll(() => note.textContent()).toMatch(/^ Note \([1-9]\d*\)$/);
    const count = (await note.textContent())!.match(/\((\d+)\)/)![1];
    await note.locator('input').check();
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(new RegExp(`^${count} results? for “the”`));
    expect(await page.locator('.search-result h2').allTextContents()).toEqual(expect.arrayContaining(['Methodology']));
    expect(problems).toEqual([]);
  });
});
