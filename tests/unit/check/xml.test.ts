import { describe, expect, it } from 'vitest';
import { checkRssFeed, checkSitemap } from '../../../src/lib/check/xml';

const ITEM =
  '<item><title>Grok · Terms changed</title><link>https://a.example/grok/t/20260101000000/changes/</link><guid isPermaLink="true">https://a.example/grok/t/20260101000000/</guid><pubDate>Thu, 01 Jan 2026 00:00:00 GMT</pubDate></item>';
const feed = (channel: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${channel}</channel></rss>`;
const HEAD = '<title>Fineprint</title><description>Changes</description><link>https://a.example/</link>';

describe('checkRssFeed', () => {
  it('accepts a feed with the channel and item elements RSS 2.0 requires', () => {
    expect(checkRssFeed(feed(HEAD + ITEM + ITEM), 'feed.xml')).toEqual([]);
    expect(checkRssFeed(feed(HEAD), 'feed.xml')).toEqual([]);
  });

  it('reports malformed XML with its line', () => {
    expect(checkRssFeed('<rss version="2.0"><channel></rss>', 'feed.xml')).toEqual([
      "feed.xml is not well-formed XML: Expected closing tag 'channel' (opened in line 1, col 20) instead of closing tag 'rss'. (line 1).",
    ]);
  });

  it('reports missing channel fields and bad items', () => {
    const bad = '<item><link>/relative/</link><guid>x</guid><pubDate>2026-01-01</pubDate></item>';
    expect(checkRssFeed(feed('<title>F</title><link>/</link>' + bad), 'feed.xml')).toEqual([
      'feed.xml: <channel> has no <description>.',
      'feed.xml: <channel> <link> is not an absolute URL.',
      'feed.xml: <item> 1 has neither <title> nor <description>.',
      'feed.xml: <item> 1 <link> is not an absolute URL.',
      'feed.xml: <item> 1 has no <guid>, or a permalink guid that is not an absolute URL.',
      'feed.xml: <item> 1 <pubDate> "2026-01-01" is not an RFC 822 date.',
    ]);
    expect(checkRssFeed('<rss><channel/></rss>', 'feed.xml')).toEqual(['feed.xml has no <rss version="2.0"> root.']);
  });
});

describe('checkSitemap', () => {
  const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

  it('lists the locations of a sitemap index and of a url set', () => {
    expect(checkSitemap(`<sitemapindex ${NS}><sitemap><loc>https://a.example/sitemap-0.xml</loc></sitemap></sitemapindex>`, 'i.xml')).toEqual({
      problems: [],
      locations: ['https://a.example/sitemap-0.xml'],
    });
    expect(checkSitemap(`<urlset ${NS}><url><loc>https://a.example/</loc></url><url><loc>https://a.example/grok/</loc></url></urlset>`, 's.xml')).toEqual({
      problems: [],
      locations: ['https://a.example/', 'https://a.example/grok/'],
    });
  });

  it('reports a wrong root, a missing namespace, an empty list and relative locations', () => {
    expect(checkSitemap('<html/>', 'x.xml').problems).toEqual(['x.xml is neither a <sitemapindex> nor a <urlset>.']);
    expect(checkSitemap('<urlset><url><loc>/grok/</loc></url></urlset>', 's.xml').problems).toEqual([
      's.xml: the root element is not in the namespace http://www.sitemaps.org/schemas/sitemap/0.9.',
      's.xml: entry 1 <loc> "/grok/" is not an absolute URL.',
    ]);
    expect(checkSitemap(`<urlset ${NS}></urlset>`, 's.xml').problems).toEqual(['s.xml lists nothing.']);
  });
});
