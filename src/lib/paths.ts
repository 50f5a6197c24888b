/**
 * Every URL of the site is built here and only here. Functions return site-relative paths
 * ("/claude-ai/privacy-policy/"); `withBase` and `absoluteUrl` add the deployment's base and origin.
 * These URLs are published and cited: change none of them.
 */

/** The version id of a capture time: its UTC date and time as YYYYMMDDhhmmss (Wayback style). */
export function captureTimeToVersionStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export const homePath = () => '/';
export const platformsPath = () => '/#platforms';
export const platformPath = (platform: string) => `/${platform}/`;
export const documentPath = (platform: string, document: string) => `/${platform}/${document}/`;
export const versionPath = (platform: string, document: string, version: string) =>
  `/${platform}/${document}/${version}/`;
export const rawVersionPath = (platform: string, document: string, version: string) =>
  `/${platform}/${document}/${version}.md`;
export const changePath = (platform: string, document: string, version: string) =>
  `/${platform}/${document}/${version}/changes/`;
export const provisionPath = (platform: string, document: string, provision: string) =>
  `/${platform}/${document}/provisions/${provision}/`;
export const provisionAnchorPath = (platform: string, document: string, version: string, provision: string) =>
  `${versionPath(platform, document, version)}#${provision}`;

/** The in-browser comparison of two versions; without versions, the comparison page with its pickers. */
export function comparePath(platform: string, document: string, from?: string, to?: string): string {
  const path = `/${platform}/${document}/compare/`;
  if (!from || !to) return path;
  return `${path}?${new URLSearchParams({ from, to }).toString()}`;
}

export const topicsPath = () => '/topics/';
export const topicPath = (topic: string) => `/topics/${topic}/`;
export const notePath = (slug: string) => `/notes/${slug}/`;
export const searchPath = () => '/search/';
/** The folder the search index is written to once the site is built (scripts/build.ts). */
export const pagefindBundlePath = () => '/pagefind/';

/** Page `page` (1-based) of the list of all changes. */
export const changesPath = (page = 1) => (page <= 1 ? '/changes/' : `/changes/${page}/`);

/** What a list of changes shows: one kind, or every kind; at most one platform or one document type (a document id). */
export interface ChangesFilter {
  kind: 'substantive' | 'cosmetic' | 'technical' | 'all';
  platform?: string;
  type?: string;
}

/** Page `page` of a filtered list of changes: /changes/[kind/<kind>/][platform/<p>/ | type/<t>/][<page>/]; substantive is the default kind. */
export function changesFilterPath({ kind, platform, type }: ChangesFilter, page = 1): string {
  const parts = ['changes'];
  if (kind !== 'substantive') parts.push('kind', kind);
  if (platform) parts.push('platform', platform);
  else if (type) parts.push('type', type);
  if (page > 1) parts.push(String(page));
  return `/${parts.join('/')}/`;
}

export const feedPath = () => '/feed.xml';
export const platformFeedPath = (platform: string) => `/${platform}/feed.xml`;
export const documentFeedPath = (platform: string, document: string) => `/${platform}/${document}/feed.xml`;
export const topicFeedPath = (topic: string) => `/topics/${topic}/feed.xml`;

export const platformsApiPath = () => '/api/platforms.json';
export const documentsApiPath = () => '/api/documents.json';
export const documentApiPath = (platform: string, document: string) => `/api/documents/${platform}/${document}.json`;
export const changesApiPath = () => '/api/changes.json';
export const permalinksApiPath = () => '/api/permalinks.json';

/** A site-relative path under the deployment base ("/" or "/fineprint/"). */
export function withBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path}`;
}

/** The absolute URL of a site-relative path, for feeds, citations and canonical links. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}
