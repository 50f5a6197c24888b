import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../helpers/build-site';
import { indexedAndMarkedPages } from '../helpers/search-mark';

let outDir: string;
let archive: string;
const page = (path: string) => cheerio.load(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
const git = (...args: string[]) => execFileSync('git', ['-C', archive, ...args], { encoding: 'utf8' });

beforeAll(async () => {
  ({ outDir, archive } = await fixtureSite());
});

describe('the site built from an archive in our layout', () => {
  it('lists every platform on the home page with links under the base path', () => {
    const $ = page('');
    expect($('ul.cards a').map((_, a) => $(a).attr('href')).get()).toEqual([
      '/fineprint/chatgpt/',
      '/fineprint/claude-ai/',
      '/fineprint/grok/',
    ]);
    expect($('main').text()).toContain('3 platforms · 3 documents · 11 recorded versions');
  });

  it('publishes each version at its permalink with capture time, commit and checksum', () => {
    const log = git('log', '--reverse', '--format=%H %aI', '--', 'content/platforms/grok/brand-guidelines.md').trim().split('\n');
    expect(log).toHaveLength(4);
    const [commit] = log[1]!.split(' ');
    const $ = page('grok/brand-guidelines/20251202233537');
    expect($('h1').first().text()).toBe('Brand Guidelines, as captured on 2 December 2025');
    expect($('.meta code').first().text()).toBe(commit);
    const blob = git('cat-file', 'blob', `${commit}:content/platforms/grok/brand-guidelines.md`);
    expect($('.meta .hash').text()).toBe(execFileSync('sha256sum', { input: blob, encoding: 'utf8' }).split(' ')[0]);
    expect($('link[rel=canonical]').attr('href')).toBe('https://archive.example/fineprint/grok/brand-guidelines/20251202233537/');
    expect($('a[rel=prev]').attr('href')).toBe('/fineprint/grok/brand-guidelines/20251111153253/');
  });

  it('publishes the raw text of every version byte for byte as in git', () => {
    const log = git('log', '--format=%H %aI', '--', 'content/platforms/chatgpt/vulnerability-disclosure-policy.md').trim().split('\n');
    for (const line of log) {
      const [commit, date] = line.split(' ');
      const stamp = new Date(date!).toISOString().replace(/[-:T]/g, '').slice(0, 14);
      const published = readFileSync(join(outDir, 'chatgpt/vulnerability-disclosure-policy', `${stamp}.md`));
      const blob = execFileSync('git', ['-C', archive, 'cat-file', 'blob', `${commit}:content/platforms/chatgpt/vulnerability-disclosure-policy.md`]);
      expect(published.equals(blob)).toBe(true);
    }
  });

  it('gives each version page citation meta tags and JSON-LD that Zotero and search engines read', () => {
    const $ = page('claude-ai/law-enforcement-guidelines/20251111152309');
    expect($('meta[name=citation_title]').attr('content')).toBe('Law Enforcement Guidelines');
    expect($('meta[name=citation_author]').attr('content')).toBe('Claude.ai');
    expect($('meta[name=citation_publication_date]').attr('content')).toBe('2025/11/11');
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    expect(jsonLd.url).toBe('https://archive.example/fineprint/claude-ai/law-enforcement-guidelines/20251111152309/');
    expect($('#cite-bibtex').text()).toContain('url = {https://archive.example/fineprint/claude-ai/law-enforcement-guidelines/20251111152309/}');
  });

  it('sets a Content-Security-Policy without inline script allowance on every page', () => {
    for (const path of ['', 'grok', 'grok/brand-guidelines', 'grok/brand-guidelines/20251111153253', 'notes/methodology']) {
      const csp = page(path)('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
      expect(csp).toContain("object-src 'none'");
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('publishes the versions of each document as open data', () => {
    const data = JSON.parse(readFileSync(join(outDir, 'api/documents/grok/brand-guidelines.json'), 'utf8'));
    expect(data.versions.map((v: { version: string; recorded_as: string }) => [v.version, v.recorded_as])).toEqual([
      ['20251111153253', 'first'],
      ['20251202233537', 'change'],
      ['20251211233445', 'change'],
      ['20260707223356', 'technical'],
    ]);
    expect(data.versions[0].permalink).toBe('https://archive.example/fineprint/grok/brand-guidelines/20251111153253/');
    expect(existsSync(join(outDir, 'api/platforms.json'))).toBe(true);
  });

  it('indexes the latest texts and notes for search', () => {
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('marks in the first kilobyte of its head every page the search indexes, and no other', async () => {
    const { indexed, marked } = await indexedAndMarkedPages(outDir);
    expect(indexed).toContain('notes/methodology/index.html');
    expect(indexed).toContain('grok/brand-guidelines/index.html');
    expect(marked).toEqual(indexed);
  });
});
