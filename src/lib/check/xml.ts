import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Checks of the site's XML outputs against the elements their readers require: RSS 2.0 feeds
 * (channel title, link and description; each item a title or description, an absolute link, a
 * permalink guid and an RFC 822 pubDate) and sitemaps (sitemap index → sitemaps → absolute <loc>s).
 * Each returns the problems found, as sentences; none means valid.
 */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'url', 'sitemap'].includes(name) });

/** Parses well-formed XML, or returns the well-formedness error as a problem. */
function parseXml(xml: string, source: string): { data?: Record<string, unknown>; problems: string[] } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { problems: [`${source} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`] };
  return { data: parser.parse(xml) as Record<string, unknown>, problems: [] };
}

function isAbsoluteUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

// RFC 822 dates as RSS 2.0 writes them: "Mon, 18 May 2026 10:30:57 GMT".
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

/** The problems of an RSS 2.0 feed. */
export function checkRssFeed(xml: string, source: string): string[] {
  const { data, problems } = parseXml(xml, source);
  if (!data) return problems;
  const rss = data.rss as { '@version'?: string; channel?: Record<string, unknown> } | undefined;
  if (rss?.['@version'] !== '2.0') return [`${source} has no <rss version="2.0"> root.`];
  const channel = rss.channel;
  if (!channel) return [`${source} has no <channel>.`];
  for (const field of ['title', 'description']) {
    if (typeof channel[field] !== 'string' || channel[field] === '') problems.push(`${source}: <channel> has no <${field}>.`);
  }
  if (!isAbsoluteUrl(channel.link)) problems.push(`${source}: <channel> <link> is not an absolute URL.`);
  const items = (channel.item as Record<string, unknown>[] | undefined) ?? [];
  items.forEach((item, index) => {
    const where = `${source}: <item> ${index + 1}`;
    if (!item.title && !item.description) problems.push(`${where} has neither <title> nor <description>.`);
    if (!isAbsoluteUrl(item.link)) problems.push(`${where} <link> is not an absolute URL.`);
    const guid = item.guid as { '#text'?: string; '@isPermaLink'?: string } | string | undefined;
    const guidText = typeof guid === 'string' ? guid : guid?.['#text'];
    const permaLink = typeof guid === 'string' || guid?.['@isPermaLink'] !== 'false';
    if (!guidText || (permaLink && !isAbsoluteUrl(guidText))) problems.push(`${where} has no <guid>, or a permalink guid that is not an absolute URL.`);
    if (typeof item.pubDate !== 'string' || !RFC_822.test(item.pubDate)) problems.push(`${where} <pubDate> "${String(item.pubDate)}" is not an RFC 822 date.`);
  });
  return problems;
}

/** The problems of a sitemap index (`sitemapindex`) or a sitemap (`urlset`), with the <loc>s each lists. */
export function checkSitemap(xml: string, source: string): { problems: string[]; locations: string[] } {
  const { data, problems } = parseXml(xml, source);
  if (!data) return { problems, locations: [] };
  const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
  const root = (data.sitemapindex ?? data.urlset) as Record<string, unknown> | undefined;
  if (!root) return { problems: [`${source} is neither a <sitemapindex> nor a <urlset>.`], locations: [] };
  if (root['@xmlns'] !== NS) problems.push(`${source}: the root element is not in the namespace ${NS}.`);
  const entries = ((data.sitemapindex ? root.sitemap : root.url) as { loc?: unknown }[] | undefined) ?? [];
  if (entries.length === 0) problems.push(`${source} lists nothing.`);
  const locations = entries.map((entry) => String(entry.loc ?? ''));
  locations.forEach((loc, index) => {
    if (!isAbsoluteUrl(loc)) problems.push(`${source}: entry ${index + 1} <loc> "${loc}" is not an absolute URL.`);
  });
  return { problems, locations };
}
