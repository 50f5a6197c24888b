import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseSite, type BrowsedSite } from '../helpers/browser';
import { FIXTURE_SITE, fixtureSite } from '../helpers/build-site';

let site: BrowsedSite;
let page: Page;
let archive: string;

beforeAll(async () => {
  const built = await fixtureSite();
  archive = built.archive;
  site = await browseSite(built.outDir, FIXTURE_SITE.base);
  await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  page = site.page;
});
afterAll(async () => site?.close());

describe('reading and citing the archive in a browser', () => {
  it('goes from the home page to a document and walks back two versions', async () => {
    await page.goto(site.url);
    await page.getByRole('link', { name: 'Grok' }).click();
    await page.getByRole('link', { name: 'Brand Guidelines' }).click();
    expect(await page.locator('h1').first().textContent()).toBe('Brand Guidelines');
    await page.locator('ol.history a').first().click();
    expect(new URL(page.url()).pathname).toBe('/fineprint/grok/brand-guidelines/20260707223356/');
    await page.getByRole('link', { name: '← Previous version' }).click();
    await page.getByRole('link', { name: '← Previous version' }).click();
    expect(new URL(page.url()).pathname).toBe('/fineprint/grok/brand-guidelines/20251202233537/');
    expect(await page.locator('h1').first().textContent()).toBe('Brand Guidelines, as captured on 2 December 2025');
  });

  it('opens a permalink directly and serves its raw text byte for byte', async () => {
    const response = await page.goto(`${site.url}chatgpt/vulnerability-disclosure-policy/20251124155107/`);
    expect(response!.status()).toBe(200);
    const rawHref = await page.getByRole('link', { name: '20251124155107.md' }).getAttribute('href');
    const raw = await page.request.get(new URL(rawHref!, site.url).href);
    const commit = execFileSync('git', ['-C', archive, 'log', '--format=%H', '--until=2025-11-24T15:51:07Z', '-1', '--', 'content/platforms/chatgpt/vulnerability-disclosure-policy.md'], { encoding: 'utf8' }).trim();
    const blob = execFileSync('git', ['-C', archive, 'cat-file', 'blob', `${commit}:content/platforms/chatgpt/vulnerability-disclosure-policy.md`]);
    expect(Buffer.from(await raw.body()).equals(blob)).toBe(true);
  });

  it('copies the BibTeX of a version to the clipboard', async () => {
    await page.goto(`${site.url}claude-ai/law-enforcement-guidelines/20251111152309/`);
    await page.getByText('BibTeX', { exact: true }).click();
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    const copied = await page.evaluate('navigator.clipboard.readText()');
    expect(copied).toBe(await page.locator('#cite-bibtex').textContent());
    expect(copied).toMatch(/^@misc\{claude-ai-law-enforcement-guidelines-20251111152309,/);
  });
});
