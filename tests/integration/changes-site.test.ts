import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionsToUnifiedDiff } from '../../src/lib/diff/unified';
import { patchToHtml } from '../../src/scripts/diff-html';
import { buildSite, fixtureSite } from '../helpers/build-site';
import { makeTestRepo, type TestRepo } from '../helpers/test-repo';

let outDir: string;
let archive: string;
const html = (dir: string, path: string) => cheerio.load(readFileSync(join(dir, path, 'index.html'), 'utf8'));
const page = (path: string) => html(outDir, path);
const json = (path: string) => JSON.parse(readFileSync(join(outDir, path), 'utf8'));

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
  description: string;
  category: string[];
}
const feed = (path: string) => {
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' }).parse(
    readFileSync(join(outDir, path), 'utf8'),
  );
  return parsed.rss as { '@_version': string; channel: { title: string; link: string; description: string; item?: RssItem[] } };
};
const stampOf = (isoDate: string) => new Date(isoDate).toISOString().replace(/[-:T]/g, '').slice(0, 14);

beforeAll(async () => {
  ({ outDir, archive } = await fixtureSite());
});

describe('diff pages of the fixture archive', () => {
  it('publishes a diff page for every version of every document', () => {
    const log = execFileSync('git', ['-C', archive, 'log', '--format=@%aI', '--name-only'], { encoding: 'utf8' }).split('@').slice(1);
    const pages = log.map((entry) => {
      const [date, , path] = entry.trim().split('\n');
      const [, , platform, file] = path!.split('/');
      return join(platform!, file!.replace(/\.md$/, ''), stampOf(date!), 'changes', 'index.html');
    });
    expect(pages).toHaveLength(11);
    expect(pages.filter((path) => !existsSync(join(outDir, path)))).toEqual([]);
  });

  it('says that a first record has nothing to compare and links to the version', () => {
    const $ = page('grok/brand-guidelines/20251111153253/changes');
    expect($('.notice').first().text()).toContain('first record of this document: there is nothing to compare');
    expect($('.notice a').attr('href')).toBe('/fineprint/grok/brand-guidelines/20251111153253/');
    expect($('.d2h-wrapper')).toHaveLength(0);
  });

  it('summarises a substantive change with its sections, words and stated dates, linked to the version anchors', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy/20260518103057/changes');
    expect($('.change-summary h2').text().trim()).toBe('substantive 2 sections modified, 15 words added, 4 removed');
    const meta = Object.fromEntries($('.change-summary dt').map((_, dt) => [[$(dt).text(), $(dt).next('dd').text().trim()]]).get());
    expect(meta['Words']).toBe('+15 / −4');
    expect(meta['Stated date']).toBe('Updated: November 20, 2025 → Updated: March 25, 2026');
    expect($('.change-summary dd a[href*="#"]').map((_, a) => $(a).attr('href')).get()).toContain(
      '/fineprint/chatgpt/vulnerability-disclosure-policy/20260518103057/#bug-bounty',
    );
    expect($('.silent-edit')).toHaveLength(0);
  });

  it('names the rules that made a change cosmetic', () => {
    const $ = page('grok/brand-guidelines/20251202233537/changes');
    expect($('.change-summary .kind').text()).toBe('cosmetic');
    expect($('.change-summary .rules li code').map((_, c) => $(c).text()).get()).toEqual(['url-noise']);
  });

  it('renders the diff once for both views, a row per pair of lines, with exactly the changed words marked', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy/20260518103057/changes');
    expect($('input[type=radio][name=diff-view]').map((_, input) => $(input).attr('value')).get()).toEqual(['side-by-side', 'inline']);
    expect($('.diff .d2h-diff-table')).toHaveLength(1);
    const pair = $('.diff tr').filter((_, row) => $(row).find('.d2h-del').length > 0).first();
    const [deleted, inserted] = [pair.find('.d2h-del .d2h-code-line-ctn'), pair.find('.d2h-ins .d2h-code-line-ctn')];
    expect(deleted.text()).toBe('Updated: November 20, 2025');
    expect(deleted.find('del').map((_, del) => $(del).text()).get()).toEqual(['November', '20', '2025']);
    expect(inserted.find('ins').map((_, ins) => $(ins).text()).get()).toEqual(['March', '25', '2026']);
  });

  it('compares bodies only, so the front matter never shows in a diff', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy/20251124155107/changes');
    expect($('.diff').text()).not.toContain('sources:');
  });
});

describe('lists, timelines and open data of changes', () => {
  it('lists only substantive changes by default, newest first, and each other kind on its own page', () => {
    const changes = json('api/changes.json') as { version: string; kind: string; diff: string }[];
    const links = (path: string) => page(path)('.change-list li a[href$="/changes/"]').map((_, a) => new URL(page(path)(a).attr('href')!, 'https://archive.example').href).get();
    expect(links('changes')).toEqual(changes.filter((c) => c.kind === 'substantive').map((c) => c.diff));
    expect(links('changes/kind/cosmetic')).toEqual(changes.filter((c) => c.kind === 'cosmetic').map((c) => c.diff));
    expect(links('changes/kind/all/platform/grok')).toEqual(changes.filter((c) => c.diff.includes('/grok/')).map((c) => c.diff));
    expect(changes.map((c) => c.version)).toEqual([...changes.map((c) => c.version)].sort().reverse());
  });

  it('counts only substantive changes on the home page', () => {
    expect(page('')('main').text()).toContain('3 substantive changes; 5 more were only');
  });

  it('draws a timeline with one linked, titled dot per version on each document page', () => {
    const $ = page('grok/brand-guidelines');
    const dots = $('figure.timeline svg a');
    expect(dots).toHaveLength(4);
    expect($('figure.timeline circle').map((_, c) => $(c).attr('class')).get().sort()).toEqual(
      ['dot dot-cosmetic', 'dot dot-cosmetic', 'dot dot-first', 'dot dot-technical'],
    );
    expect($('figure.timeline circle title').first().text()).toBe('2 December 2025: cosmetic change. Cosmetic change: url noise');
  });

  it('folds cosmetic and technical changes in the history, keeping the latest version in view', () => {
    const $ = page('grok/brand-guidelines');
    expect($('ol.history > li > details > summary').text()).toBe('2 cosmetic changes');
    expect($('ol.history > li > a').first().attr('href')).toBe('/fineprint/grok/brand-guidelines/20260707223356/');
  });

  it('adds each change kind and summary to the per-document open data', () => {
    const data = json('api/documents/chatgpt/vulnerability-disclosure-policy.json');
    expect(data.versions.map((v: { change: { kind: string } | null }) => v.change?.kind ?? null)).toEqual([null, 'substantive', 'substantive', 'cosmetic']);
    expect(data.versions[3].change.rules).toEqual(['date-formats']);
    expect(data.versions[1].changes).toBe('https://archive.example/fineprint/chatgpt/vulnerability-disclosure-policy/20251124155107/changes/');
  });
});

describe('feeds', () => {
  const feeds = ['feed.xml', 'chatgpt/feed.xml', 'chatgpt/vulnerability-disclosure-policy/feed.xml'];

  it('are RSS 2.0 with the required channel and item elements', () => {
    for (const path of feeds) {
      const rss = feed(path);
      expect(rss['@_version']).toBe('2.0');
      expect(rss.channel.title).toMatch(/^Fineprint: /);
      expect(rss.channel.link).toMatch(/^https:\/\/archive\.example\/fineprint\//);
      expect(rss.channel.description).toMatch(/^Substantive changes to /);
      for (const item of rss.channel.item ?? []) {
        expect(Object.keys(item).sort()).toEqual(['category', 'description', 'guid', 'link', 'pubDate', 'title']);
      }
    }
  });

  it('list only substantive changes, with the version permalink as GUID and the capture time as RFC 822 pubDate', () => {
    const changes = json('api/changes.json') as { kind: string; permalink: string; diff: string; captured_at: string }[];
    const substantive = changes.filter((c) => c.kind === 'substantive');
    const items = feed('feed.xml').channel.item!;
    expect(items.map((item) => item.guid['#text'])).toEqual(substantive.map((c) => c.permalink));
    expect(new Set(items.map((item) => item.guid['#text'])).size).toBe(items.length);
    expect(items.map((item) => item.guid['@_isPermaLink'])).toEqual(items.map(() => 'true'));
    expect(items.map((item) => item.link)).toEqual(substantive.map((c) => c.diff));
    expect(items.map((item) => item.pubDate)).toEqual(substantive.map((c) => new Date(c.captured_at).toUTCString()));
    for (const item of items) expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(items[0]!.title).toBe('ChatGPT · Vulnerability Disclosure Policy changed');
    expect(items[0]!.category).toEqual(['ChatGPT', 'Vulnerability Disclosure Policy']);
  });

  it('narrow to a platform and a document, and leave out documents without substantive changes', () => {
    expect(feed('chatgpt/vulnerability-disclosure-policy/feed.xml').channel.item!.map((item) => item.guid['#text'])).toEqual([
      'https://archive.example/fineprint/chatgpt/vulnerability-disclosure-policy/20260518103057/',
      'https://archive.example/fineprint/chatgpt/vulnerability-disclosure-policy/20251124155107/',
    ]);
    expect(feed('grok/feed.xml').channel.item).toBeUndefined();
  });

  it('are announced on the pages they apply to and shown as a Follow link', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy');
    expect($('link[rel=alternate][type="application/rss+xml"]').map((_, l) => $(l).attr('href')).get()).toEqual([
      'https://archive.example/fineprint/chatgpt/vulnerability-disclosure-policy/feed.xml',
      'https://archive.example/fineprint/chatgpt/feed.xml',
      'https://archive.example/fineprint/feed.xml',
    ]);
    expect($('.follow code').text()).toBe('https://archive.example/fineprint/chatgpt/vulnerability-disclosure-policy/feed.xml');
    for (const path of ['', 'changes', 'grok', 'grok/brand-guidelines/20251202233537/changes']) {
      expect(page(path)('link[rel=alternate][type="application/rss+xml"]').length).toBeGreaterThan(0);
    }
  });
});

describe('diffs of hostile, identical, binary and oversized versions', () => {
  let repo: TestRepo;
  let dir: string;
  const FRONT = (sources: string) => `---\nplatform: "Acme"\ntype: "Terms of Service"\nsources:\n  - "${sources}"\n---\n\n`;
  const TERMS = 'Terms\n=====\n\nYou agree to <script>alert(1)</script> these terms.\n';

  beforeAll(() => {
    repo = makeTestRepo('fineprint-changes-edge-');
    const path = 'content/platforms/acme/terms-of-service.md';
    repo.commit({ [path]: FRONT('https://acme.example/terms') + TERMS }, 'First record of Acme Terms of Service', '2026-01-01T10:00:00Z');
    repo.commit({ [path]: FRONT('https://acme.example/legal/terms') + TERMS }, 'Record changes of Acme Terms of Service', '2026-01-02T10:00:00Z');
    repo.commit(
      { [path]: FRONT('https://acme.example/legal/terms') + TERMS.replace('<script>alert(1)</script>', '<img src=x onerror=alert(2)>') },
      'Record changes of Acme Terms of Service',
      '2026-01-03T10:00:00Z',
    );
    repo.commit({ [path]: `${FRONT('https://acme.example/legal/terms')}Terms\n=====\n\n${'word '.repeat(50_000)}\n` }, 'Record changes of Acme Terms of Service', '2026-01-04T10:00:00Z');
    repo.commit({ [path]: `${FRONT('https://acme.example/legal/terms')}Terms\n=====\n\nA\u0000B\n` }, 'Record changes of Acme Terms of Service', '2026-01-05T10:00:00Z');
    repo.commit({ [path]: FRONT('https://acme.example/legal/terms') + TERMS }, 'Record changes of Acme Terms of Service', '2026-01-06T10:00:00Z');
    dir = mkdtempSync(join(tmpdir(), 'fineprint-changes-edge-site-'));
    buildSite({ archive: repo.dir, outDir: join(dir, 'dist') });
  }, 180_000);
  afterAll(() => {
    repo?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const edge = (stamp: string) => html(join(dir, 'dist'), `acme/terms-of-service/${stamp}/changes`);

  it('says that a version recorded again with the same text is identical, without counting it as a change', () => {
    const $ = edge('20260102100000');
    expect($('.notice').text()).toContain('identical to the previous one');
    expect($('.change-summary .kind').text()).toBe('cosmetic');
    expect($('.d2h-wrapper')).toHaveLength(0);
  });

  it('shows tracked markup in a diff as text and never as elements', () => {
    const $ = edge('20260103100000');
    expect($('.diff script, .diff img')).toHaveLength(0);
    expect($('.diff .d2h-del .d2h-code-line-ctn').text()).toBe('You agree to <script>alert(1)</script> these terms.');
    expect($('.diff .d2h-ins .d2h-code-line-ctn').text()).toBe('You agree to <img src=x onerror=alert(2)> these terms.');
    const diff = versionsToUnifiedDiff('<b onclick=x>a</b>\n', '<i>b</i>\n', { fileLabel: 'x.md' });
    if (diff.status !== 'changed') throw new Error(`expected a diff, got ${diff.status}`);
    const rendered = cheerio.load(patchToHtml(diff.patch));
    expect(rendered('b, i')).toHaveLength(0);
  });

  it('explains why a version too large or binary is not diffed', () => {
    expect(edge('20260104100000')('.notice.warning').text()).toContain('No diff is shown: A version has a line of 250000 characters');
    expect(edge('20260105100000')('.notice.warning').text()).toContain('not text (it holds binary data)');
    expect(edge('20260106100000')('.notice.warning').text()).toContain('not text');
  });
});
