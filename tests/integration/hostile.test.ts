import { readFileSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { findCspWeaknesses, readContentSecurityPolicy } from '../../src/lib/check/csp';
import { parsePermalinkManifest, type PermalinkManifest } from '../../src/lib/check/permalinks';
import { comparePath, provisionPath } from '../../src/lib/paths';
import { startStaticServer } from '../../src/lib/static-server';
import { trackDocuments, type RunReport } from '../../src/lib/tracker/run';
import { launchBrowser } from '../helpers/browser';
import { buildSite } from '../helpers/build-site';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { makeTestRepo, type TestRepo } from '../helpers/test-repo';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/hostile');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const HTML = 'text/html; charset=utf-8';
const EDITIONS = ['first edition', 'second edition'] as const;
const CAPTURES = ['2026-03-01T09:00:00Z', '2026-04-01T09:00:00Z'] as const;
const BASE = '/hostile/';

/** A page whose policy text is a single line of 10 MB, with its edition in the middle. */
function hugeLinePage(edition: string): string {
  const half = 'You will use the service fairly and lawfully. '.repeat(5 * 1024 * 1024 / 46);
  return `<!DOCTYPE html><html><body><main><h1>Acceptable Use Policy</h1><p>${half}This is the ${edition}. ${half}</p></main></body></html>`;
}

const pages = (edition: string): Record<string, string> => ({
  '/terms': fixture('terms-of-service.html').replaceAll('{{EDITION}}', edition),
  '/privacy': fixture('privacy-policy.html').replaceAll('{{EDITION}}', edition),
  '/huge': hugeLinePage(edition),
});

let fixtureServer: FixtureServer;
let repo: TestRepo;
let outDir: string;
let manifest: PermalinkManifest;
const reports: RunReport[] = [];
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
const buildTimes: Record<string, number> = {};

beforeAll(async () => {
  fixtureServer = await startFixtureServer();
  repo = makeTestRepo('fineprint-hostile-');
  const declaration = {
    name: 'Hostile Example',
    homepage: 'https://hostile.example/',
    documents: {
      'terms-of-service': { type: 'Terms of Service', url: fixtureServer.url('/terms'), select: 'main' },
      'privacy-policy': { type: 'Privacy Policy', url: fixtureServer.url('/privacy'), select: 'main' },
      'acceptable-use-policy': { type: 'Acceptable Use Policy', url: fixtureServer.url('/huge'), select: 'main' },
    },
  };
  repo.commit({ 'content/platforms/hostile/platform.yml': YAML.stringify(declaration) }, 'Declare the hostile platform', '2026-02-01T00:00:00Z');
  let started = Date.now();
  for (const [index, edition] of EDITIONS.entries()) {
    for (const [route, body] of Object.entries(pages(edition))) fixtureServer.routes.set(route, { body, contentType: HTML });
    const at = new Date(CAPTURES[index]);
    reports.push(await trackDocuments({ repoDir: repo.dir, concurrency: 3, now: () => at, fetchOptions: { retries: 1, timeoutMs: 60_000 } }));
    // A document another tool recorded, raw HTML in its Markdown included: the site must be as safe with it.
    const raw = fixture('community-guidelines.md').replaceAll('{{EDITION}}', edition);
    repo.commit({ 'content/platforms/hostile/community-guidelines.md': raw }, `${index ? 'Record changes' : 'First record'} of Hostile Example Community Guidelines`, new Date(at.getTime() + 60_000).toISOString());
  }
  buildTimes.track = Date.now() - started;
  started = Date.now();
  outDir = path.join(repo.dir, '..', `${path.basename(repo.dir)}-dist`, 'dist');
  buildSite({ archive: repo.dir, outDir, site: 'https://archive.example', base: BASE });
  buildTimes.build = Date.now() - started;
  const manifestFile = path.join(outDir, 'api/permalinks.json');
  manifest = parsePermalinkManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  site = await startStaticServer(outDir, { base: BASE });
  browser = await launchBrowser();
  context = browser.context;
  console.log(`hostile archive: tracked in ${buildTimes.track} ms, built in ${buildTimes.build} ms`);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixtureServer?.close();
  repo?.remove();
  if (outDir) rmSync(path.dirname(outDir), { recursive: true, force: true });
});

describe('hostile pages through the tracker', () => {
  it('records both captures of every hostile page, each as its own version', () => {
    expect(reports.map((report) => report.results.map((r) => [r.document, r.status, r.kind ?? `${r.category}: ${r.message}`]))).toEqual([
      [['acceptable-use-policy', 'recorded', 'first'], ['privacy-policy', 'recorded', 'first'], ['terms-of-service', 'recorded', 'first']],
      [['acceptable-use-policy', 'recorded', 'change'], ['privacy-policy', 'recorded', 'change'], ['terms-of-service', 'recorded', 'change']],
    ]);
    expect(manifest.versions.length).toBe(8);
  });

  it('keeps the real front matter of a text that starts with a fake one', () => {
    const recorded = readFileSync(path.join(repo.dir, 'content/platforms/hostile/privacy-policy.md'), 'utf8');
    expect(recorded.split('\n').slice(0, 6)).toEqual(['---', 'platform: "Hostile Example"', 'type: "Privacy Policy"', 'sources:', `  - "${fixtureServer.url('/privacy')}"`, '---']);
    expect(recorded).toContain('\\---\n\nplatform: "Injected Platform"');
  });

  it('gives provisions URL-safe ids, even from headings of bidi controls and __proto__', () => {
    const ids = manifest.provisions.map((url) => url.split('/provisions/')[1]!);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*\/$/.test(id))).toEqual([]);
    expect(manifest.provisions).toContain(`https://archive.example${provisionPath('hostile', 'privacy-policy', 'constructor').replace(/^\//, BASE)}`);
  });
});

describe('the site built from hostile pages', () => {
  it('sets a strict Content-Security-Policy meta on every HTML page', async () => {
    const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(30);
    const weak = files.flatMap((file) =>
      findCspWeaknesses(readContentSecurityPolicy(readFileSync(path.join(outDir, file), 'utf8'))).map((problem) => `${file}: ${problem}`),
    );
    expect(weak).toEqual([]);
  });

  /** Opens a page and reports everything hostile that happened on it. */
  async function visit(url: string, ready?: (page: Page) => Promise<unknown>) {
    const page = await context.newPage();
    const events: string[] = [];
    const origin = new URL(site.url).origin;
    page.on('dialog', (dialog) => {
      events.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') events.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => events.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`)) events.push(`request: ${request.url()}`);
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.status(), url).toBe(200);
    await ready?.(page);
    await page.waitForLoadState('networkidle');
    const left = await page.evaluate(`(() => ({
      pwned: window.__pwned ?? null,
      dangerous: [...document.querySelectorAll('iframe, object, embed, frame, base, meta[http-equiv="refresh" i], body script:not([src]):not([type="application/ld+json"]):not([type="module"])')].map((e) => e.outerHTML.slice(0, 80)),
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + ' ' + a.name)),
      urls: [...document.querySelectorAll('[href], [src], [action]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action')).filter((u) => /^\\s*(javascript|data|vbscript):/i.test(u)),
      url: location.href,
    }))()`);
    await page.close();
    return { events, ...(left as Record<string, unknown>) };
  }

  const clean = (url: string) => ({ events: [], pwned: null, dangerous: [], handlers: [], urls: [], url });

  it('runs nothing on version, change, provision, document and topic pages', async () => {
    // The 10 MB line's version page takes Chromium ~15 s to lay out and holds no markup: its change page
    // (a bounded diff) stands for it.
    const urls = [
      ...manifest.versions.filter((url) => !url.includes('acceptable-use-policy') && url.includes(CAPTURES[1].slice(0, 7).replace('-', ''))),
      ...manifest.changes.filter((url) => url.includes(CAPTURES[1].slice(0, 7).replace('-', ''))),
      ...manifest.provisions.filter((url) => !url.includes('acceptable-use-policy')),
      ...['', 'hostile/', 'hostile/terms-of-service/', 'hostile/privacy-policy/', 'hostile/community-guidelines/', 'topics/arbitration/'].map((p) => `https://archive.example${BASE}${p}`),
    ].map((url) => url.replace(`https://archive.example${BASE}`, site.url));
    const provisions = urls.filter((url) => url.includes('/provisions/')).map((url) => url.split('/hostile/hostile/')[1]);
    for (const section of ['terms-of-service/provisions/scripts-and-handlers/', 'terms-of-service/provisions/dispute-resolution/', 'privacy-policy/provisions/markdown-that-tries-raw-html/']) {
      expect(provisions).toContain(section);
    }
    for (const url of urls) expect(await visit(url)).toEqual(clean(url));
  });

  it('runs nothing when the compare page diffs two hostile versions in the browser', async () => {
    for (const document of ['terms-of-service', 'privacy-policy', 'community-guidelines']) {
      const stamps = manifest.versions.filter((url) => url.includes(`/${document}/`)).map((url) => url.split('/').at(-2)!);
      const url = site.url + comparePath('hostile', document, stamps[0], stamps[1]).slice(1);
      const result = await visit(url, (page) => page.locator('.diff .d2h-file-wrapper').first().waitFor({ state: 'attached', timeout: 30_000 }));
      expect(result).toEqual(clean(url));
    }
  });

  it('runs nothing when search shows hostile excerpts', async () => {
    for (const query of ['arbitration', 'script alert', 'pwned']) {
      const url = `${site.url}search/?q=${encodeURIComponent(query)}`;
      const result = await visit(url, (page) => page.locator('#search[data-state="answered"]').waitFor({ timeout: 30_000 }));
      expect(result).toEqual(clean(url));
    }
  });
});
