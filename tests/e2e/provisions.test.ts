import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseSite, type BrowsedSite } from '../helpers/browser';
import { FIXTURE_SITE } from '../helpers/build-site';
import { provisionsFixtureSite } from '../helpers/provisions-site';

let site: BrowsedSite;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  site = await browseSite((await provisionsFixtureSite()).outDir, FIXTURE_SITE.base);
  page = site.page;
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
});
afterAll(async () => site?.close());

describe('finding a clause, a topic and an analysis in a browser', () => {
  it('searches a phrase from the header, filters by platform and jumps to the anchored clause', async () => {
    await page.goto(`${site.url}grok/`);
    await page.locator('#site-search').fill('valuable insights of security researchers');
    await page.locator('#site-search').press('Enter');
    expect(new URL(page.url()).pathname).toBe('/fineprint/search/');
    await expect.poll(() => page.locator('#search-input').inputValue()).toBe('valuable insights of security researchers');
    const result = page.locator('.search-result').first();
    await result.waitFor();

    await page.locator('.search-filter summary', { hasText: 'Platform' }).click();
    await page.getByLabel('ChatGPT').check();
    await expect.poll(() => page.locator('.search-result').count()).toBe(1);
    expect(await result.locator('h2').textContent()).toContain('ChatGPT Vulnerability Disclosure Policy');
    expect(await result.locator('.search-excerpt mark').first().textContent()).toMatch(/^(valuable|insights|security|researchers)$/i);

    const clause = result.locator('.search-passages a', { hasText: 'Bug bounty' });
    await clause.click();
    await page.waitForURL(/#bug-bounty$/);
    expect(new URL(page.url()).pathname).toBe('/fineprint/chatgpt/vulnerability-disclosure-policy/');
    expect(await page.locator('#bug-bounty').textContent()).toContain('Bug bounty');
    expect(violations).toEqual([]);
  });

  it('opens a topic page and goes on to a provision of one platform', async () => {
    await page.goto(`${site.url}topics/`);
    await page.getByRole('link', { name: 'Contract by using' }).click();
    expect(await page.locator('h1').textContent()).toBe('How platforms handle contract by using');
    expect(await page.locator('.adoption strong').textContent()).toBe('Found in 1 of 3 platforms.');
    await page.locator('.topic-others summary').click();
    await page.locator('.topic-others a', { hasText: 'Usage Terms' }).click();
    expect(new URL(page.url()).pathname).toBe('/fineprint/grok/brand-guidelines/provisions/usage-terms/');
    expect(await page.locator('.analysis').isVisible()).toBe(true);
    expect(await page.locator('.stale-analysis').count()).toBe(0);
  });

  it('shows a stale analysis with a visible warning and a link to what changed since', async () => {
    await page.goto(`${site.url}chatgpt/vulnerability-disclosure-policy/provisions/bug-bounty/`);
    const warning = page.locator('.stale-analysis');
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain('This analysis may be out of date.');
    expect(await warning.getByRole('link', { name: 'See what changed since' }).getAttribute('href')).toBe(
      '/fineprint/chatgpt/vulnerability-disclosure-policy/20260518103057/changes/',
    );
    // The history links each change to the clause's anchor on its version page.
    await page.locator('.provision-event h3 a').first().click();
    await page.waitForURL(/20260518103057\/#bug-bounty$/);
    expect(await page.locator('#bug-bounty').count()).toBe(1);
  });
});
