import { getCollection, type CollectionEntry } from 'astro:content';
import type { DocumentEntry, IndexedProvisionEvent, IndexedProvisionHistory, VersionEntry } from '../lib/archive/index-archive';
import { versionsToUnifiedDiff } from '../lib/diff/unified';
import { DeclarationError } from '../lib/errors';
import { changePath, provisionAnchorPath, provisionPath, versionPath } from '../lib/paths';
import type { ProvisionEventKind } from '../lib/provisions/lineage';
import { renderTrackedMarkdown } from '../lib/render/markdown';
import { EXPOSURE_SCALE, isAnalysisStale, type Analysis, type Exposure } from '../lib/schemas/analysis';
import { titleProvisionAnchors } from '../lib/search/pagefind-anchors';
import { provisionTitle } from '../lib/provisions/heading';
import { cacheKey } from '../lib/cache/disk-cache';
import { findDocument, loadArchive, provisionEventText, renderVersion } from './archive';
import { htmlCache } from './cache';
import { renderPatch } from '../scripts/diff-html';
import { documentsToRender } from './page-reuse';
import { routesOfThisShard } from './shard';
import { findVersion } from './views';
import { PROVISION_DIFFS_SHOWN } from '../consts';
import { splitEventWindow, type DiffedEvent } from '../lib/provisions/event-window';

/** Shapes provision histories and their analyses into what the provision and document pages show. */

/** A provision's key across the archive: `<platform>/<document>/<provision>`. */
export const provisionKey = (platform: string, document: string, provision: string) => `${platform}/${document}/${provision}`;


/** Every provision ever seen in every document this build renders: the route params of its history page. */
export async function provisionRoutes() {
  return routesOfThisShard(
    (await documentsToRender()).flatMap((document) =>
      document.provisions.map((provision) => ({
        params: { platform: document.platform, document: document.document, provision: provision.id },
      })),
    ),
  );
}

// Every provision page and every analysis looks its provision up: by id, not by a scan of the document's provisions.
const provisionsByIdOf = new WeakMap<DocumentEntry, Map<string, IndexedProvisionHistory>>();

/** A document's provisions by id, mapped once per document. */
function provisionsById(document: DocumentEntry): Map<string, IndexedProvisionHistory> {
  let byId = provisionsByIdOf.get(document);
  if (!byId) provisionsByIdOf.set(document, (byId = new Map(document.provisions.map((provision) => [provision.id, provision]))));
  return byId;
}

/** The provision with this id in a document; the build fails loudly if a route asks for one it never had. */
export function findProvision(document: DocumentEntry, id: string): IndexedProvisionHistory {
  const found = provisionsById(document).get(id);
  if (!found) throw new Error(`No provision "${id}" in ${document.platform}/${document.document}.`);
  return found;
}

/** A version of a document by stamp, from the map of its versions that the version pages share. */
const versionByStamp = (document: DocumentEntry, stamp: string): VersionEntry => findVersion(document, stamp).version;

/** Where a provision stands in a version: its anchor on the version page, or the page itself when it is not there. */
function provisionInVersion(document: DocumentEntry, version: VersionEntry, id: string): string {
  return version.provisions.some((provision) => provision.id === id)
    ? provisionAnchorPath(document.platform, document.document, version.stamp, id)
    : versionPath(document.platform, document.document, version.stamp);
}

/** The inline diff of one provision between two of its states, as diff2html renders it, or why there is none. */
export type ProvisionDiff = { status: 'changed'; html: string } | { status: 'identical' } | { status: 'undiffable'; reason: string };

/** Bump when the rendered provision diff changes, so older cached diffs are not reused. */
const PROVISION_DIFF_FORMAT = 4;

function provisionDiff(before: string, after: string, label: string): ProvisionDiff {
  const key = cacheKey('provision-diff', PROVISION_DIFF_FORMAT, label, before, after);
  return JSON.parse(htmlCache.remember(key, () => JSON.stringify(renderProvisionDiff(before, after, label)))) as ProvisionDiff;
}

function renderProvisionDiff(before: string, after: string, label: string): ProvisionDiff {
  const diff = versionsToUnifiedDiff(before, after, { fileLabel: label });
  // Line by line with word-level highlights: a clause is short, and the words are what a reader compares.
  if (diff.status === 'changed') return { status: 'changed', html: renderPatch(diff.patch, 'line-by-line') };
  if (diff.status === 'identical') return { status: 'identical' };
  return { status: 'undiffable', reason: diff.status === 'binary' ? 'The text is binary.' : diff.reason };
}

/** One version in which a provision changed, as its history page lists it. */
export interface ProvisionEventView {
  version: string;
  event: ProvisionEventKind;
  heading: string;
  capturedAt: Date;
  /** The provision's anchor on that version's page (the page itself when the provision was removed). */
  path: string;
  /** The change page of that version; null for a document's first version, which has no change. */
  changePath: string | null;
}

/** One of the newest changes of a provision, shown with its diff from the change before it. */
export interface DiffedProvisionEventView extends ProvisionEventView {
  diff: ProvisionDiff;
}

// An event's date and links, without its diff: all an older event costs.
function eventView(document: DocumentEntry, id: string, event: IndexedProvisionEvent): ProvisionEventView {
  const version = versionByStamp(document, event.version);
  return {
    version: event.version,
    event: event.event,
    heading: event.heading,
    capturedAt: version.capturedAt,
    path: provisionInVersion(document, version, id),
    changePath: version.index > 0 ? changePath(document.platform, document.document, event.version) : null,
  };
}

// Reads the texts of the event and of the one before it from the cache: only shown events pay for it.
function diffedEventView(document: DocumentEntry, id: string, { event, previous }: DiffedEvent<IndexedProvisionEvent>): DiffedProvisionEventView {
  const diff = provisionDiff(previous ? provisionEventText(previous) : '', provisionEventText(event), id);
  return { ...eventView(document, id, event), diff };
}

/**
 * A provision's history page: its current text and every version in which it changed, newest first;
 * the newest PROVISION_DIFFS_SHOWN with their diff (`events`), the older ones without (`olderEvents`).
 */
export async function provisionHistoryView(platform: string, documentId: string, id: string) {
  const document = await findDocument(platform, documentId);
  const provision = findProvision(document, id);
  const { diffed, older } = splitEventWindow(provision.events, PROVISION_DIFFS_SHOWN);
  const events = diffed.map((shown) => diffedEventView(document, id, shown));
  const current = provision.text !== null && !document.removedAt;
  return {
    document,
    provision,
    /** The current text, rendered safely; null when the provision (or its document) is gone. */
    html: current ? renderTrackedMarkdown(provision.text!) : null,
    currentPath: current ? provisionAnchorPath(platform, documentId, document.latest.stamp, id) : null,
    lastChanged: events[0]!,
    events,
    olderEvents: older.map((event) => eventView(document, id, event)),
  };
}

/** A current provision as the document page lists it, with the version that last changed it. */
export interface ProvisionListItem {
  id: string;
  heading: string;
  path: string;
  lastChanged: Date;
  /** The provision's anchor in the version that last changed it. */
  lastChangedPath: string;
}

/** The provisions of a document's latest version, in document order, each with its "last changed" date. */
export function currentProvisionList(document: DocumentEntry): ProvisionListItem[] {
  return document.latest.provisions.map(({ id, heading }) => {
    const last = versionByStamp(document, findProvision(document, id).events.at(-1)!.version);
    return {
      id,
      heading: provisionTitle({ id, heading }),
      path: provisionPath(document.platform, document.document, id),
      lastChanged: last.capturedAt,
      lastChangedPath: provisionInVersion(document, last, id),
    };
  });
}

/** The latest version of a document rendered for the search index: every provision is a Pagefind sub-result. */
export async function renderLatestForSearch(document: DocumentEntry): Promise<string> {
  const { html } = await renderVersion(document.latest);
  return titleProvisionAnchors(html, document.latest.provisions);
}

/** An analysis with what its page section needs: staleness, the analysed version, the exposure scale. */
export interface AnalysisView {
  entry: CollectionEntry<'analyses'>;
  data: Analysis;
  document: DocumentEntry;
  provision: IndexedProvisionHistory;
  asOf: { version: string; capturedAt: Date; path: string };
  /** Set when the provision changed after `as_of`: the first version that changed it and its change page. */
  staleSince: { version: string; capturedAt: Date; changePath: string } | null;
  exposureScale: { level: Exposure; definition: string; current: boolean }[];
}

let analyses: Promise<Map<string, AnalysisView>> | undefined;

/**
 * The analyses whose document is in the archive being built, by provision key, read and checked once per
 * build; the stale ones are printed with console.warn. An analysis of a document this archive does not
 * have is skipped (a site built from another archive); one that names a provision or version its document
 * does not have stops the build.
 */
export function loadAnalyses(): Promise<Map<string, AnalysisView>> {
  analyses ??= readAnalyses();
  return analyses;
}

async function readAnalyses(): Promise<Map<string, AnalysisView>> {
  const archive = await loadArchive();
  const views = new Map<string, AnalysisView>();
  for (const entry of await getCollection('analyses')) {
    const data = entry.data;
    const where = entry.filePath ?? entry.id;
    const key = provisionKey(data.platform, data.document, data.provision);
    if (entry.id !== key) {
      throw new DeclarationError(
        `${where}: its front matter names ${key}, but analyses live at content/analyses/<platform>/<document>/<provision>.mdx. Move the file or fix "platform", "document" and "provision".`,
      );
    }
    const document = archive.documents.find((d) => d.platform === data.platform && d.document === data.document);
    if (!document) continue;
    const provision = provisionsById(document).get(data.provision);
    if (!provision) {
      throw new DeclarationError(
        `${where}: the provision "${data.provision}" is not in ${data.platform}/${data.document}. Use one of the provision ids its document page lists.`,
      );
    }
    const analysed = document.versions.find((version) => version.stamp === data.as_of);
    if (!analysed) {
      throw new DeclarationError(
        `${where}: "as_of" ${data.as_of} is not a version of ${data.platform}/${data.document}. Use a version stamp from its version history.`,
      );
    }
    const { changedIn } = isAnalysisStale(data.as_of, provision.events);
    views.set(key, {
      entry,
      data,
      document,
      provision,
      asOf: { version: data.as_of, capturedAt: analysed.capturedAt, path: provisionInVersion(document, analysed, provision.id) },
      staleSince: changedIn
        ? {
            version: changedIn,
            capturedAt: versionByStamp(document, changedIn).capturedAt,
            changePath: changePath(data.platform, data.document, changedIn),
          }
        : null,
      exposureScale: (Object.entries(EXPOSURE_SCALE) as [Exposure, string][]).map(([level, definition]) => ({
        level,
        definition,
        current: level === data.exposure,
      })),
    });
  }
  const stale = [...views.values()].filter((view) => view.staleSince);
  if (stale.length) {
    console.warn(
      `\n${stale.length} stale ${stale.length === 1 ? 'analysis' : 'analyses'} (the provision changed after "as_of"):\n` +
        stale.map((view) => `  ${view.entry.filePath ?? view.entry.id}: as of ${view.data.as_of}, changed in ${view.staleSince!.version}`).join('\n'),
    );
  }
  return views;
}

/** The analysis of a provision, or null. */
export async function findAnalysis(platform: string, document: string, provision: string): Promise<AnalysisView | null> {
  return (await loadAnalyses()).get(provisionKey(platform, document, provision)) ?? null;
}
