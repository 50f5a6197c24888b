/**
 * Changes as RSS items: what /feed.xml, /<platform>/feed.xml and /<platform>/<document>/feed.xml
 * list. Pure: the site passes the items to @astrojs/rss. An item's GUID is the version permalink,
 * which never changes, so a reader never sees the same change twice.
 */
import { FineprintError } from '../errors';
import { absoluteUrl, changePath, versionPath } from '../paths';
import { summaryToHtml, type ChangeSummary } from '../diff/summary';

/** A feed a page offers: its title and site path, for autodiscovery and "Follow" links. */
export interface Feed {
  title: string;
  path: string;
}

/** One change as a feed reads it. */
export interface FeedChange {
  /** Platform id (`claude-ai`) and display name (`Claude.ai`). */
  platform: string;
  platformName: string;
  /** Document id (`privacy-policy`) and its Open Terms Archive type (`Privacy Policy`). */
  document: string;
  documentType: string;
  /** Version id: the capture time as YYYYMMDDhhmmss (with `-2`… for same-second versions). */
  version: string;
  capturedAt: Date;
  summary: ChangeSummary;
}

/** Where the site is published: its origin and its base path ("/" or "/fineprint/"). */
export interface FeedSite {
  site: string;
  base: string;
}

/** One RSS item, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** The feed item of a change: titled "Claude.ai · Privacy Policy changed", linking to its diff page. */
export function changeToFeedItem(change: FeedChange, { site, base }: FeedSite): FeedItem {
  return {
    title: `${change.platformName} · ${change.documentType} changed`,
    link: absoluteUrl(site, base, changePath(change.platform, change.document, change.version)),
    guid: absoluteUrl(site, base, versionPath(change.platform, change.document, change.version)),
    pubDate: change.capturedAt,
    description: summaryToHtml(change.summary),
    categories: [change.platformName, change.documentType],
  };
}

/** The substantive changes only, newest first (latest version id first on equal times), at most `limit`. */
export function selectFeedItems<T extends Pick<FeedChange, 'capturedAt' | 'version' | 'summary'>>(
  changes: readonly T[],
  limit: number,
): T[] {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new FineprintError(`Feed item limit ${JSON.stringify(limit)} is not a positive whole number: set it to 1 or more.`);
  }
  return changes
    .filter((change) => change.summary.kind === 'substantive')
    .sort((a, b) => b.capturedAt.getTime() - a.capturedAt.getTime() || b.version.localeCompare(a.version, 'en', { numeric: true }))
    .slice(0, limit);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A feed item in the shape @astrojs/rss takes. That package makes the link the GUID; ours is the
 * version permalink, which never changes, so it goes in as custom data.
 */
export function feedItemToRssItem(item: FeedItem) {
  return {
    title: item.title,
    link: item.link,
    pubDate: item.pubDate,
    description: item.description,
    categories: item.categories,
    customData: `<guid isPermaLink="true">${escapeXml(item.guid)}</guid>`,
  };
}
