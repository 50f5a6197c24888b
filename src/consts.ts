/** Site-wide constants shared by the site, the tracker and the scripts. */

export const SITE_TITLE = 'Fineprint';
export const SITE_DESCRIPTION =
  'A public, citable archive of the policies platforms impose on people: terms of service, privacy policies, AI usage and training terms.';
export const ARCHIVE_NAME = 'Fineprint archive';

/** The origin the site is published at when FINEPRINT_SITE does not say. */
export const DEFAULT_SITE = 'http://127.0.0.1:4321';

/** First-level URL segments the site uses itself: no platform may take one of these ids. */
export const RESERVED_PLATFORM_IDS = [
  'api',
  'changes',
  'notes',
  'pagefind',
  'search',
  'topics',
  'feed.xml',
  'sitemap-index.xml',
  'sitemap-0.xml',
  'robots.txt',
  'favicon.svg',
  '404',
  '_astro',
] as const;

/** Second-level URL segments under a platform that no document may take. */
export const RESERVED_DOCUMENT_IDS = ['feed.xml', 'compare', 'provisions'] as const;

/** Where tracked documents live inside an archive repository of our own layout. */
export const PLATFORMS_DIR = 'content/platforms';

/** How many items a feed lists at most. */
export const FEED_ITEM_LIMIT = 50;

/** How many other platforms a provision page names for each of its topics; the topic page lists them all. */
export const OTHER_PLATFORMS_SHOWN = 10;

/** How many characters of its best-matching provision a topic page quotes for each platform; the rest is a link away. */
export const TOPIC_QUOTE_CHARS = 2_000;

/** How many of a provision's changes its history page shows with their diff, newest first; older ones are listed with links to their change pages. */
export const PROVISION_DIFFS_SHOWN = 12;

/** How many changes one page of /changes/ lists. */
export const CHANGES_PAGE_SIZE = 50;
