import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/lib/topics/load';
import { provisionsFixtureSite } from '../helpers/provisions-site';
import { indexedAndMarkedPages } from '../helpers/search-mark';

let outDir: string;
const page = (path: string) => cheerio.load(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
const BASE = '/fineprint/';

beforeAll(async () => {
  ({ outDir } = await provisionsFixtureSite());
});

describe('provision history pages', () => {
  it('publishes a page for every provision ever seen, removed ones included', () => {
    expect(readdirSync(join(outDir, 'grok/brand-guidelines/provisions')).sort()).toEqual([
      'about',
      'contact-us',
      'content-attribution',
      'do',
      'dont',
      'logos',
      'preamble',
      'press-releases',
      'usage-terms',
      'xai-brand-guidelines',
    ]);
    const removed = page('grok/brand-guidelines/provisions/preamble');
    expect(removed('.provision-event .event').map((_, e) => removed(e).text()).get()).toEqual(['Removed', 'Modified', 'Modified', 'Added']);
    expect(removed('main').text()).toContain('This provision is no longer in the document.');
  });

  it('lists each version that changed a provision, newest first, with its diff and a link to its anchor', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy/provisions/bug-bounty');
    expect($('h1').text()).toBe('Bug bounty');
    const events = $('.provision-event');
    expect(events.map((_, e) => $(e).find('.event').text()).get()).toEqual(['Modified', 'Added']);
    expect(events.map((_, e) => $(e).find('h3 a').attr('href')).get()).toEqual([
      `${BASE}chatgpt/vulnerability-disclosure-policy/20260518103057/#bug-bounty`,
      `${BASE}chatgpt/vulnerability-disclosure-policy/20251111152200/#bug-bounty`,
    ]);
    expect(events.first().find('.d2h-wrapper').length).toBe(1);
    expect(events.first().find('.d2h-ins').length).toBeGreaterThan(0);
    expect(events.first().find('a[href$="/20260518103057/changes/"]').length).toBe(1);
    // The first version has no change page.
    expect(events.last().find('a[href$="/changes/"]').length).toBe(0);
    // Fewer changes than PROVISION_DIFFS_SHOWN: all have their diff, and there is no list of older ones.
    expect($('.older-events, .older-events-note').length).toBe(0);
  });

  it('links only to provision anchors that exist on the version pages', () => {
    for (const document of ['chatgpt/vulnerability-disclosure-policy', 'claude-ai/law-enforcement-guidelines', 'grok/brand-guidelines']) {
      for (const provision of readdirSync(join(outDir, document, 'provisions'))) {
        const $ = page(`${document}/provisions/${provision}`);
        for (const link of $('a[href*="/#"]').map((_, a) => $(a).attr('href')).get()) {
          const [path, anchor] = link.slice(BASE.length).split('#');
          const target = page(path!.replace(/\/$/, ''));
          expect(target(`[id="${anchor}"]`).length, link).toBe(1);
        }
      }
    }
  });

  it('renders the current text safely, without scripts from the tracked text', () => {
    const $ = page('grok/brand-guidelines/provisions/usage-terms');
    expect($('.provision-text').text()).toContain('“Marks” are anything that xAI uses to identify our goods or services');
    expect($('.provision-text script').length).toBe(0);
  });
});

describe('analyses on provision pages', () => {
  it('shows a stale analysis with a warning linking to the change since its version', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy/provisions/bug-bounty');
    const warning = $('.stale-analysis');
    expect(warning.length).toBe(1);
    expect(warning.find('a').last().attr('href')).toBe(`${BASE}chatgpt/vulnerability-disclosure-policy/20260518103057/changes/`);
    expect($('.analysis h3').map((_, h) => $(h).text()).get()).toEqual([
      'Summary',
      'Exposure',
      'Regulations',
      'Jurisdictions',
      'Compliance considerations',
      'Discussion',
    ]);
    expect($('.analysis .disclaimer').text()).toContain('Not legal advice.');
  });

  it('shows a current analysis without a warning, and its topics override the tagger', () => {
    const $ = page('grok/brand-guidelines/provisions/usage-terms');
    expect($('.analysis').length).toBe(1);
    expect($('.stale-analysis').length).toBe(0);
    expect($('.exposure-scale li.current').text()).toMatch(/^low: /);
    expect($('.topic-tags a').map((_, a) => $(a).text()).get()).toEqual(['Contract by using']);
  });

  it('marks for the search the provision pages that hold an analysis, and no other', async () => {
    const { indexed, marked } = await indexedAndMarkedPages(outDir);
    const provisionPages = (pages: string[]) => pages.filter((file) => file.includes('/provisions/'));
    expect(provisionPages(indexed).sort()).toEqual([
      'chatgpt/vulnerability-disclosure-policy/provisions/bug-bounty/index.html',
      'claude-ai/law-enforcement-guidelines/provisions/what-is-anthropics-policy-for-handling-governmental-requests/index.html',
      'grok/brand-guidelines/provisions/usage-terms/index.html',
    ]);
    expect(marked).toEqual(indexed);
  });

  it('has no analysis section on a provision without one', () => {
    expect(page('grok/brand-guidelines/provisions/logos')('.analysis').length).toBe(0);
  });
});

describe('document pages and search', () => {
  it('lists the current provisions with the date each last changed', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy');
    const items = $('.provision-list li');
    expect(items.map((_, li) => $(li).find('a').first().text()).get()).toEqual([
      'Preamble',
      'Coordinated vulnerability disclosure policy',
      'Bug bounty',
      'Incident reporting',
      'Outbound coordinated vulnerability disclosure policy',
      'CVE assignment policy',
    ]);
    const bugBounty = items.filter((_, li) => $(li).find('a').first().text() === 'Bug bounty');
    expect(bugBounty.find('a').first().attr('href')).toBe(`${BASE}chatgpt/vulnerability-disclosure-policy/provisions/bug-bounty/`);
    expect(bugBounty.find('time').attr('datetime')).toBe('2026-05-18T10:30:57Z');
  });

  it('marks every provision of the latest version as a titled Pagefind anchor, with platform and type filters', () => {
    const $ = page('chatgpt/vulnerability-disclosure-policy');
    const body = $('[data-pagefind-body]');
    expect(body.find('[data-pagefind-title]').map((_, e) => $(e).attr('id')).get()).toEqual(
      body.find('[id]').filter((_, e) => $(e).is('[data-pagefind-title]')).map((_, e) => $(e).attr('id')).get(),
    );
    expect(body.find('#bug-bounty').attr('data-pagefind-title')).toBe('Bug bounty');
    expect(body.find('[data-pagefind-filter]').map((_, e) => $(e).attr('data-pagefind-filter')).get()).toContain('platform:ChatGPT');
    expect(body.find('[data-pagefind-filter]').map((_, e) => $(e).attr('data-pagefind-filter')).get()).toContain(
      'type:Vulnerability Disclosure Policy',
    );
  });

  it('indexes each provision of a latest version as a search record at its anchored address, and a note whole', () => {
    const fragments = readdirSync(join(outDir, 'pagefind/fragment')).map((file) => {
      // A Pagefind fragment: gzip of the signature "pagefind_dcd" and the record's JSON.
      const json = gunzipSync(readFileSync(join(outDir, 'pagefind/fragment', file))).subarray('pagefind_dcd'.length).toString('utf8');
      return JSON.parse(json) as { url: string; meta: { title: string }; filters: Record<string, string[]> };
    });
    const $ = page('chatgpt/vulnerability-disclosure-policy');
    const anchored = $('[data-pagefind-body] [data-pagefind-title]').map((_, e) => `/chatgpt/vulnerability-disclosure-policy/#${$(e).attr('id')}`).get();
    const records = fragments.filter((fragment) => fragment.url.startsWith('/chatgpt/vulnerability-disclosure-policy/#'));
    expect(records.map((record) => record.url).sort()).toEqual(anchored.sort());
    expect(new Set(records.map((record) => record.meta.title))).toEqual(new Set(['ChatGPT Vulnerability Disclosure Policy']));
    expect(records.every((record) => record.filters.platform?.join() === 'ChatGPT')).toBe(true);
    expect(fragments.map((fragment) => fragment.url)).toContain('/notes/methodology/');
  });

  it('keeps past versions out of the search index and points the search page at the bundle under the base path', () => {
    expect(page('grok/brand-guidelines/20251111153253')('[data-pagefind-body]').length).toBe(0);
    const $ = page('search');
    expect($('#search').attr('data-bundle-path')).toBe(`${BASE}pagefind/`);
    expect($('#search').attr('data-base-url')).toBe(BASE);
    expect($('[href*="pagefind-ui"], [src*="pagefind-ui"]').length).toBe(0);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
  });
});

describe('topic pages and feeds', () => {
  const topics = loadTopics('content/topics.yml');

  it('publishes an index and a page and feed for every topic', () => {
    const $ = page('topics');
    expect($('.topic-cards a').length).toBe(topics.length);
    for (const topic of topics) {
      expect(existsSync(join(outDir, 'topics', topic.id, 'index.html'))).toBe(true);
      expect(existsSync(join(outDir, 'topics', topic.id, 'feed.xml'))).toBe(true);
    }
  });

  it('quotes the best-matching provision of each platform on the topic, links its others and counts adoption', () => {
    const $ = page('topics/contract-by-using');
    expect($('h1').text()).toBe('How platforms handle contract by using');
    expect($('.adoption').text()).toMatch(/^Found in 1 of 3 platforms\./);
    const grok = $('.topic-platform').filter((_, s) => $(s).children('h2').text() === 'Grok');
    expect(grok.find('.topic-provision h3 a').attr('href')).toBe(`${BASE}grok/brand-guidelines/provisions/logos/`);
    expect(grok.find('.provision-text').text()).toContain('By using our logos, you agree to the Usage Terms above');
    expect(grok.find('.excerpt-more').length).toBe(0);
    expect(grok.find('.topic-others summary').text()).toBe('1 more provision of Grok on this topic');
    expect(grok.find('.topic-others a').attr('href')).toBe(`${BASE}grok/brand-guidelines/provisions/usage-terms/`);
  });

  it('gives feed items the version permalink as GUID and the change page as link', () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    let items: { guid: { '#text': string; '@_isPermaLink': string }; link: string }[] = [];
    for (const topic of topics) {
      const feed = parser.parse(readFileSync(join(outDir, 'topics', topic.id, 'feed.xml'), 'utf8'));
      items = items.concat(feed.rss.channel.item ?? []);
    }
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.guid['@_isPermaLink']).toBe('true');
      expect(item.link).toBe(`${item.guid['#text']}changes/`);
      expect(item.guid['#text']).toMatch(/^https:\/\/archive\.example\/fineprint\/[a-z-]+\/[a-z-]+\/\d{14}\/$/);
    }
  });
});
