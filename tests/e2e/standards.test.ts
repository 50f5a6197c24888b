import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePathToFile } from '../../src/lib/check/links';
import { checkRssFeed, checkSitemap } from '../../src/lib/check/xml';
import { startStaticServer } from '../../src/lib/static-server';
import { launchBrowser } from '../helpers/browser';
import { FIXTURE_SITE, fixtureSite } from '../helpers/build-site';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** One page of each kind of the fixture site, by site path under the base. */
const PAGES = {
  home: '',
  platform: 'grok/',
  document: 'grok/brand-guidelines/',
  version: 'grok/brand-guidelines/20251202233537/',
  diff: 'grok/brand-guidelines/20251202233537/changes/',
  compare: 'grok/brand-guidelines/compare/?from=20251111153253&to=20260707223356',
  provision: 'grok/brand-guidelines/provisions/usage-terms/',
  topic: 'topics/contract-by-using/',
  search: 'search/?q=brand',
  notes: 'notes/methodology/',
  'change kinds note': 'notes/change-kinds/',
} as const;

let outDir: string;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;

beforeAll(async () => {
  ({ outDir } = await fixtureSite());
  server = await startStaticServer(outDir, { base: FIXTURE_SITE.base });
  browser = await launchBrowser();
  context = browser.context;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The built file of a page path (its query dropped). */
const fileOf = async (page: string) => {
  const files = new Set((await readdir(outDir, { recursive: true })).map((file) => file.split(path.sep).join('/')));
  return sitePathToFile(FIXTURE_SITE.base + page.split('?')[0], FIXTURE_SITE.base, files)!;
};

describe('accessibility (axe-core in Chromium)', () => {
  it.each(Object.entries(PAGES))('finds no serious or critical violation on the %s page', async (_, pagePath) => {
    const page = await context.newPage();
    await page.goto(server.url + pagePath, { waitUntil: 'load' });
    if (pagePath.includes('compare/')) await page.locator('.diff .d2h-file-wrapper').first().waitFor({ state: 'attached' });
    if (pagePath.startsWith('search/')) {
      await page.locator('.search-result').first().waitFor();
      // The filter values are loaded when a filter is opened: check them too.
      await page.locator('.search-filter summary').first().click();
      await page.locator('.search-filter label').first().waitFor();
    }
    // Evaluated through the DevTools protocol, which the page's CSP does not govern (an injected <script> would be blocked).
    await page.evaluate(AXE);
    const violations = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')))`,
    )) as string[];
    await page.close();
    expect(violations).toEqual([]);
  });
});

describe('HTML validity (html-validate, .htmlvalidate.json)', () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData);

  it.each(Object.entries(PAGES))('reports no error on the %s page', async (_, pagePath) => {
    const file = await fileOf(pagePath);
    const report = await validator.validateString(readFileSync(path.join(outDir, file), 'utf8'), file);
    const messages = report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} at ${m.line}:${m.column}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});

describe('feeds and sitemap', () => {
  it('writes every RSS feed as valid RSS 2.0 with the required elements', async () => {
    const feeds = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('feed.xml'));
    expect(feeds.length).toBe(1 + 3 + 3 + 20);
    const problems = feeds.flatMap((feed) => checkRssFeed(readFileSync(path.join(outDir, feed), 'utf8'), feed));
    expect(problems).toEqual([]);
  });

  it('lists every page in a valid sitemap reached from the sitemap index', () => {
    const index = checkSitemap(readFileSync(path.join(outDir, 'sitemap-index.xml'), 'utf8'), 'sitemap-index.xml');
    expect(index).toEqual({ problems: [], locations: ['https://archive.example/fineprint/sitemap-0.xml'] });
    const sitemap = checkSitemap(readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8'), 'sitemap-0.xml');
    expect(sitemap.problems).toEqual([]);
    for (const page of Object.values(PAGES).filter((p) => !p.includes('?'))) {
      expect(sitemap.locations).toContain(`https://archive.example/fineprint/${page}`);
    }
  });
});
