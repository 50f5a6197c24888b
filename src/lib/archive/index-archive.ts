import { createHash } from 'node:crypto';
import { RESERVED_DOCUMENT_IDS, RESERVED_PLATFORM_IDS } from '../../consts';
import { DeclarationError } from '../errors';
import { LRUCache } from 'lru-cache';
import { measureTextChange, normalizeFully, summarizeChange, type ChangeSummary, type TextChange } from '../diff/summary';
import type { DocumentHistory, Version } from '../history/history';
import { createProvisionTracker, type IdentifiedProvision, type ProvisionEvent, type ProvisionHistory } from '../provisions/lineage';
import { findStatedDate, type StatedDate } from '../stated-date';
import type { ArchiveHistory } from '../history/read-history';
import { parseRecordedText } from '../schemas/front-matter';
import { shareRepeatedValues } from './share-repeated';
import { ownShareFirst } from '../shard';

/** A provision as a version page anchors it: its lineage id, heading, and 0-based line in the body. */
export interface ProvisionAnchor {
  id: string;
  heading: string;
  line: number;
}

/** What the site knows of one version without keeping its text in memory. */
export interface VersionEntry extends Version {
  /** 0-based position in the document's history. */
  index: number;
  sha256: string;
  bytes: number;
  /** The version's Markdown body, starting at this 0-based line of the recorded file. */
  bodyStartLine: number;
  /** The "effective" or "last updated" date the text states, if any. */
  statedDate: StatedDate | null;
  provisions: ProvisionAnchor[];
  /** The change from the previous version; null for the first version. */
  change: ChangeSummary | null;
}

/**
 * A provision event as the index keeps it: its text, which over a long history adds up to most of
 * what is derived, stays in the cache under `textId` (`provisionTextId`) until a page shows it.
 */
export type IndexedProvisionEvent = Omit<ProvisionEvent, 'text'> & { textId: string };

/** A provision through all versions, its events' texts kept by id. */
export type IndexedProvisionHistory = Omit<ProvisionHistory, 'events'> & { events: IndexedProvisionEvent[] };

/** The id a provision text is kept under in the cache: its SHA-256. */
export function provisionTextId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One document of the archive with its versions, oldest first. */
export interface DocumentEntry extends Omit<DocumentHistory, 'versions'> {
  versions: VersionEntry[];
  latest: VersionEntry;
  sources: string[];
  /** Every provision the document ever had, with the versions in which it changed. */
  provisions: IndexedProvisionHistory[];
}

/** One platform with its documents. */
export interface PlatformEntry {
  id: string;
  name: string;
  documents: DocumentEntry[];
}

/** The metadata index of the whole archive: everything pages need except version texts. */
export interface ArchiveIndex {
  layout: ArchiveHistory['layout'];
  platforms: PlatformEntry[];
  documents: DocumentEntry[];
}

/** The body of a recorded file and the line it starts on: our layout has front matter, Open Terms Archive's has none. */
export function splitRecordedFile(
  text: string,
  layout: ArchiveHistory['layout'],
  where: string,
): { body: string; bodyStartLine: number; platformName?: string; type?: string; sources: string[] } {
  if (layout === 'ota') return { body: text, bodyStartLine: 0, sources: [] };
  const { frontMatter, body } = parseRecordedText(text, where);
  const bodyStartLine = text.slice(0, text.length - body.length).split('\n').length - 1;
  return { body, bodyStartLine, platformName: frontMatter.platform, type: frontMatter.type, sources: frontMatter.sources };
}

/** Stops when a platform or document id would shadow a route of the site. */
export function assertRoutableIds(document: DocumentHistory): void {
  if ((RESERVED_PLATFORM_IDS as readonly string[]).includes(document.platform)) {
    throw new DeclarationError(
      `${document.path}: the platform id "${document.platform}" is a route of the site (${RESERVED_PLATFORM_IDS.join(', ')}). Rename the platform folder.`,
    );
  }
  if ((RESERVED_DOCUMENT_IDS as readonly string[]).includes(document.document)) {
    throw new DeclarationError(`${document.path}: the document id "${document.document}" is a route of the site. Rename the file.`);
  }
}

/** What is derived from one version's text and its predecessor's: all a page needs but the text. */
export type DerivedVersion = Pick<VersionEntry, 'sha256' | 'bytes' | 'bodyStartLine' | 'statedDate' | 'provisions' | 'change'>;

/** What is derived from the texts of one document's versions. It depends only on their blobs and kinds. */
export interface DerivedDocument {
  versions: DerivedVersion[];
  provisions: IndexedProvisionHistory[];
  platformName: string | null;
  type: string | null;
  sources: string[];
}

/** A store of derived documents by key (see `derivedDocumentKey`) and of provision texts by id; it may forget anything. */
export interface DerivedCache {
  get(key: string): Promise<DerivedDocument | null>;
  set(key: string, value: DerivedDocument): Promise<void>;
  hasText(id: string): Promise<boolean>;
  setText(id: string, text: string): Promise<void>;
}

/** How many versions of a document are read at once while deriving it. */
const READ_WINDOW = 32;
/** How many characters of provision texts and headings a document's derivation keeps normalised for the next changes. */
const RECENTLY_NORMALIZED_CHARACTERS = 16_000_000;

/** Bump when what `deriveDocument` computes changes, so cached results of older code are not reused. */
export const DERIVED_DATA_VERSION = 3;

/**
 * The cache key of a document's derived data: blobs are immutable, so the same blobs and record kinds
 * in the same order always derive the same data.
 */
export function derivedDocumentKey(document: DocumentHistory, layout: ArchiveHistory['layout']): string {
  const hash = createHash('sha256').update(`${DERIVED_DATA_VERSION}\0${layout}\0${document.path}\0${document.removedAt ? 'removed' : 'live'}`);
  for (const version of document.versions) hash.update(`\0${version.blob}:${version.recordKind}`);
  return hash.digest('hex');
}

/**
 * Reads every version of one document once and derives checksums, stated dates, provision ids
 * (src/lib/provisions) and the summary of each change against the version before (src/lib/diff). The
 * latest version must have valid front matter (the build stops naming the file); an older version
 * that does not is still published, as its whole text.
 */
export async function deriveDocument(
  document: DocumentHistory,
  layout: ArchiveHistory['layout'],
  readText: (blob: string) => Promise<string>,
): Promise<{ derived: DerivedDocument; texts: Map<string, string> }> {
  const versions: DerivedVersion[] = [];
  const tracker = createProvisionTracker();
  // A history that goes back and forth between two texts repeats the same changes: each is measured once.
  const textChanges = new Map<string, TextChange>();
  const measure = (commitKind: Version['recordKind'], before: { blob: string; text: string }, after: { blob: string; text: string }) => {
    const key = `${before.blob} ${after.blob} ${commitKind}`;
    let textChange = textChanges.get(key);
    if (!textChange) textChanges.set(key, (textChange = measureTextChange(commitKind, before.text, after.text)));
    return textChange;
  };
  const recentlyNormalized = new LRUCache<string, string, void>({
    maxSize: RECENTLY_NORMALIZED_CHARACTERS,
    sizeCalculation: (normal, text) => normal.length + text.length + 1,
    memoMethod: normalizeFully,
  });
  const normalized = (text: string) => recentlyNormalized.memo(text);
  let previous: { blob: string; text: string; provisions: IdentifiedProvision[]; statedDate: StatedDate | null } | null = null;
  let latest: ReturnType<typeof splitRecordedFile> | undefined;
  // Texts are read a window at a time: the blob reader answers a window in one stream instead of one
  // round trip per version, and a document of a thousand versions is never held in memory whole.
  for (let start = 0; start < document.versions.length; start += READ_WINDOW) {
    const window = document.versions.slice(start, start + READ_WINDOW);
    const texts = await Promise.all(window.map((version) => readText(version.blob)));
    window.forEach((version, offset) => {
      const text = texts[offset]!;
      const index = start + offset;
      const where = `${version.path} (version ${version.stamp}, commit ${version.commit.slice(0, 12)})`;
      let meta: ReturnType<typeof splitRecordedFile>;
      try {
        meta = splitRecordedFile(text, layout, where);
      } catch (error) {
        if (index === document.versions.length - 1 && !document.removedAt) throw error;
        meta = { body: text, bodyStartLine: 0, sources: [] };
      }
      const provisions = tracker.add(version.stamp, meta.body);
      const current = { blob: version.blob, text: meta.body, provisions, statedDate: findStatedDate(meta.body) };
      versions.push({
        sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
        bytes: Buffer.byteLength(text, 'utf8'),
        bodyStartLine: meta.bodyStartLine,
        statedDate: current.statedDate,
        provisions: provisions.map(({ id, heading, startLine }) => ({ id, heading, line: startLine - 1 })),
        change: previous
          ? summarizeChange({
              commitKind: version.recordKind,
              before: previous,
              after: current,
              textChange: measure(version.recordKind, previous, current),
              normalized,
            })
          : null,
      });
      previous = current;
      latest = meta;
    });
  }
  const lineage = tracker.result();
  const eventTexts = new Map<string, string>();
  const provisions = lineage.provisions.map(({ events, ...provision }) => ({
    ...provision,
    events: events.map(({ text, ...event }) => {
      const textId = provisionTextId(text);
      eventTexts.set(textId, text);
      return { ...event, textId };
    }),
  }));
  return {
    derived: { versions, provisions, platformName: latest!.platformName ?? null, type: latest!.type ?? null, sources: latest!.sources },
    texts: eventTexts,
  };
}

async function hasEveryText(derived: DerivedDocument, cache: DerivedCache): Promise<boolean> {
  const ids = new Set(derived.provisions.flatMap((provision) => provision.events.map((event) => event.textId)));
  return (await Promise.all([...ids].map((id) => cache.hasText(id)))).every(Boolean);
}

/**
 * A document's derived data: from `cache` when its blobs are unchanged and its provision texts are
 * all still there, else derived and stored there with its texts. Without a cache, the texts are not kept.
 */
async function loadDerivedDocument(
  document: DocumentHistory,
  layout: ArchiveHistory['layout'],
  readText: (blob: string) => Promise<string>,
  cache?: DerivedCache,
): Promise<DerivedDocument> {
  const key = derivedDocumentKey(document, layout);
  const cached = await cache?.get(key);
  if (cached && (await hasEveryText(cached, cache!))) return shareRepeatedValues(cached);
  const { derived, texts } = await deriveDocument(document, layout, readText);
  if (cache) {
    for (const [id, text] of texts) await cache.setText(id, text);
    await cache.set(key, derived);
  }
  return shareRepeatedValues(derived);
}

/**
 * Builds the index of the whole archive, one document at a time, taking each document's derived data
 * from `cache` when its blobs are unchanged, so a rebuild after one new version derives one document.
 * The documents in `deriveFirst` are derived before the others (see ownShareFirst): builds that share a
 * cache and each put a different share of the documents first find the others' shares there.
 */
export async function indexArchive(
  history: ArchiveHistory,
  readText: (blob: string) => Promise<string>,
  cache?: DerivedCache,
  { deriveFirst = [] }: { deriveFirst?: readonly DocumentHistory[] } = {},
): Promise<ArchiveIndex> {
  for (const document of history.documents) assertRoutableIds(document);
  const first = new Set(deriveFirst);
  const derivedOf = new Map<DocumentHistory, DerivedDocument>();
  for (const document of ownShareFirst(history.documents, (d) => first.has(d))) {
    derivedOf.set(document, await loadDerivedDocument(document, history.layout, readText, cache));
  }
  const documents: DocumentEntry[] = [];
  for (const document of history.documents) {
    const derived = derivedOf.get(document)!;
    const versions: VersionEntry[] = document.versions.map((version, index) => ({ ...version, index, ...derived.versions[index]! }));
    documents.push({
      ...document,
      platformName: derived.platformName ?? document.platformName,
      title: derived.type ?? document.title,
      sources: derived.sources.length ? derived.sources : versions.at(-1)!.sources,
      versions,
      latest: versions.at(-1)!,
      provisions: derived.provisions,
    });
  }
  documents.sort((a, b) => a.platform.localeCompare(b.platform) || a.title.localeCompare(b.title));
  const platforms = new Map<string, PlatformEntry>();
  for (const document of documents) {
    let platform = platforms.get(document.platform);
    if (!platform) platforms.set(document.platform, (platform = { id: document.platform, name: document.platformName, documents: [] }));
    platform.documents.push(document);
  }
  return { layout: history.layout, platforms: [...platforms.values()].sort((a, b) => a.name.localeCompare(b.name)), documents };
}
