import rss from '@astrojs/rss';
import { base, site } from 'astro:config/server';
import { CHANGES_PAGE_SIZE, DEFAULT_SITE, FEED_ITEM_LIMIT, SITE_TITLE } from '../consts';
import type { DocumentEntry, PlatformEntry, VersionEntry } from '../lib/archive/index-archive';
import { CHANGE_RULES, type ChangeRule } from '../lib/diff/change-kind';
import { summaryToSentence, type ChangeSummary, type ProvisionRef } from '../lib/diff/summary';
import { versionsToUnifiedDiff, type LineStats } from '../lib/diff/unified';
import { dateToHuman, dateToIso, dateToUtcTime } from '../lib/dates';
import { changeToFeedItem, feedItemToRssItem, selectFeedItems, type Feed, type FeedChange } from '../lib/feeds/items';
import {
  changePath,
  changesFilterPath,
  documentFeedPath,
  documentPath,
  feedPath,
  platformFeedPath,
  platformPath,
  provisionAnchorPath,
  rawVersionPath,
  versionPath,
  type ChangesFilter,
} from '../lib/paths';
import { provisionTitle } from '../lib/provisions/heading';
import { layoutTimeline, type TimelineKind, type TimelineLayout, type TimelinePoint } from '../lib/timeline';
import { patchToHtml } from '../scripts/diff-html';
import { cacheKey } from '../lib/cache/disk-cache';
import { loadArchive, readVersionText, versionBody } from './archive';
import { htmlCache } from './cache';
import { absolute, href } from './links';
import { routesOfThisShard } from './shard';

/** Shapes the changes of the archive for the diff pages, the lists of changes, the timelines, the feeds and the JSON. */

/** One change: a version with its summary against the version before, and where it belongs. */
export interface ChangeEntry extends FeedChange {
  /** Position of the recording commit in the whole history: orders changes captured in the same second. */
  sequence: number;
  /** The version this one is compared with. */
  previousVersion: string;
}

/** The kind a version shows in lists and timelines: its change's kind, or `first` for a first record. */
export function versionKind(version: VersionEntry): TimelineKind {
  return version.change?.kind ?? 'first';
}

function documentChanges(document: DocumentEntry): ChangeEntry[] {
  return document.versions.flatMap((version) =>
    version.change
      ? [
          {
            platform: document.platform,
            platformName: document.platformName,
            document: document.document,
            documentType: document.title,
            version: version.stamp,
            previousVersion: document.versions[version.index - 1]!.stamp,
            capturedAt: version.capturedAt,
            sequence: version.sequence,
            summary: version.change,
          },
        ]
      : [],
  );
}

const newestFirst = (a: ChangeEntry, b: ChangeEntry) => b.capturedAt.getTime() - a.capturedAt.getTime() || b.sequence - a.sequence;

let allChanges: Promise<ChangeEntry[]> | undefined;

/** Every change of the archive, newest first. */
export function listChanges(): Promise<ChangeEntry[]> {
  allChanges ??= loadArchive().then((archive) => archive.documents.flatMap(documentChanges).sort(newestFirst));
  return allChanges;
}

/** The kinds a list of changes can be filtered by, the default first. */
export const CHANGES_FILTER_KINDS: readonly ChangesFilter['kind'][] = ['substantive', 'cosmetic', 'technical', 'all'];

/** The route params of every page of every filtered list of changes (/changes/[...slug]); an empty list still gets its first page. */
export async function changesListRoutes() {
  const archive = await loadArchive();
  const scopes: Omit<ChangesFilter, 'kind'>[] = [
    {},
    ...archive.platforms.map((platform) => ({ platform: platform.id })),
    ...documentTypes(archive.documents).map((type) => ({ type: type.id })),
  ];
  const filters: ChangesFilter[] = CHANGES_FILTER_KINDS.flatMap((kind) => scopes.map((scope) => ({ kind, ...scope })));
  const routes = await Promise.all(
    filters.map(async (filter) => {
      const pages = Math.max(1, Math.ceil((await matchingChanges(filter)).length / CHANGES_PAGE_SIZE));
      return Array.from({ length: pages }, (_, i) => ({
        params: { slug: changesFilterPath(filter, i + 1).slice('/changes/'.length, -1) || undefined },
        props: { filter, page: i + 1 },
      }));
    }),
  );
  return routesOfThisShard(routes.flat());
}

function documentTypes(documents: readonly DocumentEntry[]): { id: string; title: string }[] {
  const types = new Map(documents.map((document) => [document.document, document.title]));
  return [...types].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
}

/** One filter choice: its label, its link, and whether it is the list shown. */
export interface FilterLink {
  label: string;
  href: string;
  current: boolean;
}

const KIND_LABELS: Record<ChangesFilter['kind'], string> = {
  substantive: 'Substantive',
  cosmetic: 'Cosmetic',
  technical: 'Technical',
  all: 'All kinds',
};

/** The key of a scope of changes: all of them, a platform's, a document's (with its platform) or a document type's. */
const scopeKey = ({ platform, document, type }: { platform?: string; document?: string; type?: string }) =>
  document ? `document:${platform}/${document}` : platform ? `platform:${platform}` : type ? `type:${type}` : 'all';

/** The scopes a change is in besides all changes: its platform, its document and its document type. */
const scopeKeysOf = (change: ChangeEntry) => [
  scopeKey({ platform: change.platform }),
  scopeKey({ platform: change.platform, document: change.document }),
  scopeKey({ type: change.document }),
];

let changesByScope: Promise<Map<string, ChangeEntry[]>> | undefined;

// Lists and feeds are scoped to all changes, a platform, a document or a document type: the changes
// are grouped by scope in one pass, not filtered once per list (platforms × types × kinds of them).
function changesOfScope(key: string): Promise<ChangeEntry[]> {
  changesByScope ??= listChanges().then((changes) => {
    const groups = new Map<string, ChangeEntry[]>([[scopeKey({}), changes]]);
    for (const change of changes) {
      for (const scope of scopeKeysOf(change)) {
        const group = groups.get(scope);
        if (group) group.push(change);
        else groups.set(scope, [change]);
      }
    }
    return groups;
  });
  return changesByScope.then((groups) => groups.get(key) ?? []);
}

const filtered = new Map<string, Promise<ChangeEntry[]>>();

// Every page of a filtered list reads the same filtered list: it is filtered once per filter, not once per page.
function matchingChanges(filter: ChangesFilter): Promise<ChangeEntry[]> {
  const key = changesFilterPath(filter);
  let matching = filtered.get(key);
  if (!matching) {
    matching = changesOfScope(scopeKey({ platform: filter.platform, type: filter.type })).then((changes) => (filter.kind === 'all' ? changes : changes.filter((change) => change.summary.kind === filter.kind)));
    filtered.set(key, matching);
  }
  return matching;
}

/** One page of a filtered list of changes, with the links to the other filters and pages. */
export async function changesListPage(filter: ChangesFilter, page: number) {
  const archive = await loadArchive();
  const matching = await matchingChanges(filter);
  const pages = Math.max(1, Math.ceil(matching.length / CHANGES_PAGE_SIZE));
  const link = (target: ChangesFilter, current: boolean, label: string): FilterLink => ({
    label,
    href: href(changesFilterPath(target)),
    current,
  });
  const scope = archive.platforms.find((platform) => platform.id === filter.platform)?.name ??
    documentTypes(archive.documents).find((type) => type.id === filter.type)?.title;
  return {
    title: `${KIND_LABELS[filter.kind]} changes${scope ? ` · ${scope}` : ''}${page > 1 ? ` · page ${page}` : ''}`,
    total: matching.length,
    page,
    pages,
    changes: matching.slice((page - 1) * CHANGES_PAGE_SIZE, page * CHANGES_PAGE_SIZE).map(changeToListItem),
    previous: page > 1 ? href(changesFilterPath(filter, page - 1)) : null,
    next: page < pages ? href(changesFilterPath(filter, page + 1)) : null,
    kinds: CHANGES_FILTER_KINDS.map((kind) =>
      link({ ...filter, kind }, kind === filter.kind, KIND_LABELS[kind]),
    ),
    platforms: [
      link({ kind: filter.kind }, !filter.platform && !filter.type, 'All platforms'),
      ...archive.platforms.map((platform) => link({ kind: filter.kind, platform: platform.id }, filter.platform === platform.id, platform.name)),
    ],
    types: documentTypes(archive.documents).map((type) => link({ kind: filter.kind, type: type.id }, filter.type === type.id, type.title)),
  };
}

/** A change as lists show it. */
export function changeToListItem(change: ChangeEntry) {
  return {
    kind: change.summary.kind,
    title: `${change.platformName} · ${change.documentType}`,
    capturedAt: change.capturedAt,
    sentence: summaryToSentence(change.summary),
    silentEdit: change.summary.silentEdit,
    diff: href(changePath(change.platform, change.document, change.version)),
    document: href(documentPath(change.platform, change.document)),
  };
}

/** The latest substantive changes, for the home page. */
export async function recentSubstantiveChanges(limit: number) {
  return (await listChanges())
    .filter((change) => change.summary.kind === 'substantive')
    .slice(0, limit)
    .map(changeToListItem);
}

/** How many changes of each kind the archive holds; only substantive ones are "changes" in headlines. */
export async function changeCounts(): Promise<Record<ChangeSummary['kind'], number>> {
  const counts = { substantive: 0, cosmetic: 0, technical: 0 };
  for (const change of await listChanges()) counts[change.summary.kind] += 1;
  return counts;
}

// --- Timelines ----------------------------------------------------------------------------------

const KIND_NAMES: Record<TimelineKind, string> = {
  first: 'first record',
  substantive: 'substantive change',
  cosmetic: 'cosmetic change',
  technical: 'technical change',
};

function timelinePoints(document: DocumentEntry): TimelinePoint[] {
  return document.versions.map((version) => ({
    time: version.capturedAt,
    kind: versionKind(version),
    href: href(changePath(document.platform, document.document, version.stamp)),
    title: `${dateToHuman(version.capturedAt)}: ${KIND_NAMES[versionKind(version)]}${
      version.change ? `. ${summaryToSentence(version.change)}` : ''
    }`,
  }));
}

/** The timeline of one document's versions. */
export function documentTimeline(document: DocumentEntry): TimelineLayout {
  return layoutTimeline([{ label: document.title, points: timelinePoints(document) }], { width: 300 });
}

/** The timeline of a platform: one row per document on a shared time axis. */
export function platformTimeline(platform: PlatformEntry): TimelineLayout {
  return layoutTimeline(platform.documents.map((document) => ({ label: document.title, points: timelinePoints(document) })));
}

// --- Version history lists ----------------------------------------------------------------------

/** A version in a history list, or a run of cosmetic and technical changes folded together. */
/** One version in a history list: its permalink, its kind and its diff page. */
export interface HistoryEntry {
  version: VersionEntry;
  kind: TimelineKind;
  link: string;
  diff: string;
}

export type HistoryItem = ({ type: 'version' } & HistoryEntry) | { type: 'minor'; label: string; versions: HistoryEntry[] };

/**
 * A document's versions newest first, with each run of cosmetic and technical changes folded into
 * one item so the history reads as its substantive changes; the latest version always shows.
 */
export function versionHistory(document: DocumentEntry): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const version of [...document.versions].reverse()) {
    const kind = versionKind(version);
    const entry = {
      version,
      kind,
      link: href(versionPath(document.platform, document.document, version.stamp)),
      diff: href(changePath(document.platform, document.document, version.stamp)),
    };
    const minor = (kind === 'cosmetic' || kind === 'technical') && version !== document.latest;
    const last = items.at(-1);
    if (!minor) items.push({ type: 'version', ...entry });
    else if (last?.type === 'minor') last.versions.push(entry);
    else items.push({ type: 'minor', label: '', versions: [entry] });
  }
  for (const item of items) {
    if (item.type !== 'minor') continue;
    const count = (kind: TimelineKind) => item.versions.filter((entry) => entry.kind === kind).length;
    const parts = [
      count('cosmetic') ? `${count('cosmetic')} cosmetic` : null,
      count('technical') ? `${count('technical')} technical` : null,
    ].filter(Boolean);
    item.label = `${parts.join(' and ')} ${item.versions.length === 1 ? 'change' : 'changes'}`;
  }
  return items;
}

// --- Diff pages ---------------------------------------------------------------------------------

/** What a diff page shows below the summary. */
export type ChangeDiff =
  | { status: 'first' }
  | { status: 'identical'; frontMatterChanged: boolean }
  | { status: 'binary' }
  | { status: 'too-large'; reason: string }
  | { status: 'changed'; html: string; stats: LineStats };

/** The rendered diff of a version against the previous one: bodies only, so the front matter never shows as a change. */
export async function loadChangeDiff(document: DocumentEntry, version: VersionEntry): Promise<ChangeDiff> {
  const previous = document.versions[version.index - 1];
  if (!previous) return { status: 'first' };
  // A diff depends only on the two blobs (and where their bodies start): it is rendered once, ever.
  const key = cacheKey('change-diff', DIFF_FORMAT, document.document, previous.blob, previous.bodyStartLine, version.blob, version.bodyStartLine);
  const cached = htmlCache.get(key);
  if (cached !== null) return JSON.parse(cached) as ChangeDiff;
  const diff = await renderChangeDiff(document, previous, version);
  htmlCache.set(key, JSON.stringify(diff));
  return diff;
}

/** Bump when the rendered diff HTML changes, so older cached diffs are not reused. */
const DIFF_FORMAT = 5;

async function renderChangeDiff(document: DocumentEntry, previous: VersionEntry, version: VersionEntry): Promise<ChangeDiff> {
  const [beforeText, afterText] = await Promise.all([readVersionText(previous), readVersionText(version)]);
  const diff = versionsToUnifiedDiff(versionBody(beforeText, previous), versionBody(afterText, version), {
    fileLabel: `${document.document}.md`,
  });
  if (diff.status === 'identical') return { status: 'identical', frontMatterChanged: beforeText !== afterText };
  if (diff.status !== 'changed') return diff;
  return {
    status: 'changed',
    html: patchToHtml(diff.patch),
    stats: diff.stats,
  };
}

/** A provision named in a summary, linked to its anchor in the version where it can be read. */
export interface ProvisionLink {
  heading: string;
  href: string;
}

/** The summary of a change as its diff page shows it: links to provisions and the rules that explain a cosmetic verdict. */
export function changeSummaryView(document: DocumentEntry, version: VersionEntry) {
  const summary = version.change;
  const previous = document.versions[version.index - 1];
  if (!summary || !previous) return null;
  const links = (refs: ProvisionRef[], stamp: string): ProvisionLink[] =>
    refs.map((ref) => ({
      heading: provisionTitle(ref),
      href: href(provisionAnchorPath(document.platform, document.document, stamp, ref.id)),
    }));
  return {
    summary,
    sentence: summaryToSentence(summary),
    rules: summary.rules
      .map((id) => CHANGE_RULES.find((rule) => rule.id === id))
      .filter((rule): rule is ChangeRule => rule !== undefined)
      .map(({ id, description }) => ({ id, description })),
    added: links(summary.provisionsAdded, version.stamp),
    removed: links(summary.provisionsRemoved, previous.stamp),
    modified: links(summary.provisionsModified, version.stamp),
    previous: {
      stamp: previous.stamp,
      capturedAt: previous.capturedAt,
      href: href(versionPath(document.platform, document.document, previous.stamp)),
      diff: href(changePath(document.platform, document.document, previous.stamp)),
    },
  };
}

/** The versions a compare page offers, newest first, with where their raw text is and where its body starts. */
export function compareVersionOptions(document: DocumentEntry) {
  return [...document.versions].reverse().map((version) => ({
    stamp: version.stamp,
    label: `${dateToHuman(version.capturedAt)} ${dateToUtcTime(version.capturedAt)} · ${KIND_NAMES[versionKind(version)]}`,
    raw: href(rawVersionPath(document.platform, document.document, version.stamp)),
    bodyStartLine: version.bodyStartLine,
  }));
}

// --- Feeds --------------------------------------------------------------------------------------

const FEED_SITE = { site: site ?? DEFAULT_SITE, base };

/** The feeds a page of a platform or a document offers, most specific first; the whole archive's last. */
export function feedsFor(scope: { platform?: PlatformEntry; document?: DocumentEntry } = {}): Feed[] {
  const feeds: Feed[] = [];
  if (scope.document) {
    feeds.push({
      title: `${SITE_TITLE}: ${scope.document.platformName} · ${scope.document.title}`,
      path: documentFeedPath(scope.document.platform, scope.document.document),
    });
  }
  const platform = scope.platform ?? (scope.document && { id: scope.document.platform, name: scope.document.platformName });
  if (platform) feeds.push({ title: `${SITE_TITLE}: ${platform.name}`, path: platformFeedPath(platform.id) });
  feeds.push({ title: `${SITE_TITLE}: all substantive changes`, path: feedPath() });
  return feeds;
}

/** The RSS response of the substantive changes of the archive, of a platform, or of a document. */
export async function changesFeed(scope: { platform?: string; document?: string }): Promise<Response> {
  const archive = await loadArchive();
  const changes = await changesOfScope(scopeKey(scope));
  const document = scope.document ? archive.documents.find((d) => d.platform === scope.platform && d.document === scope.document) : undefined;
  const platform = scope.platform ? archive.platforms.find((p) => p.id === scope.platform) : undefined;
  const [feed] = feedsFor({ platform, document });
  const where = document ? `${document.platformName} ${document.title}` : platform ? `the policies of ${platform.name}` : 'every tracked policy';
  return rss({
    title: feed!.title,
    description: `Substantive changes to ${where}, newest first. Cosmetic and technical changes are left out.`,
    site: absolute(document ? documentPath(document.platform, document.document) : platform ? platformPath(platform.id) : '/'),
    items: selectFeedItems(changes, FEED_ITEM_LIMIT).map((change) => feedItemToRssItem(changeToFeedItem(change, FEED_SITE))),
  });
}

// --- Open data ----------------------------------------------------------------------------------

/** A change summary as open data (snake_case, like the rest of /api/). */
export function summaryToJson(summary: ChangeSummary) {
  return {
    kind: summary.kind,
    sentence: summaryToSentence(summary),
    rules: summary.rules,
    provisions_added: summary.provisionsAdded,
    provisions_removed: summary.provisionsRemoved,
    provisions_modified: summary.provisionsModified,
    words_added: summary.wordsAdded,
    words_removed: summary.wordsRemoved,
    stated_date_before: summary.statedDateBefore,
    stated_date_after: summary.statedDateAfter,
    silent_edit: summary.silentEdit,
  };
}

/** /api/changes.json: every change, newest first, with its kind and summary. */
export async function changesJson() {
  return (await listChanges()).map((change) => ({
    platform: change.platform,
    document: change.document,
    title: change.documentType,
    version: change.version,
    previous_version: change.previousVersion,
    captured_at: dateToIso(change.capturedAt),
    diff: absolute(changePath(change.platform, change.document, change.version)),
    permalink: absolute(versionPath(change.platform, change.document, change.version)),
    ...summaryToJson(change.summary),
  }));
}
