import { resolve } from 'node:path';
import { createDerivedCache } from '../lib/archive/derived-cache';
import { cacheKey } from '../lib/cache/disk-cache';
import { derivedDisk, htmlCache, provisionTextDisk } from './cache';
import { indexArchive, type ArchiveIndex, type DocumentEntry, type IndexedProvisionEvent, type VersionEntry } from '../lib/archive/index-archive';
import { BlobReader } from '../lib/history/git';
import { readHistory } from '../lib/history/read-history';
import { renderTrackedMarkdown } from '../lib/render/markdown';
import { balanceShards, ownShareFirst, parseShard, type Shard } from '../lib/shard';

/**
 * The archive the site is built from: FINEPRINT_ARCHIVE (a git repository of our layout or an Open
 * Terms Archive versions repository), by default this repository. Read once per build.
 */
export const ARCHIVE_REPO = resolve(process.env.FINEPRINT_ARCHIVE ?? '.');

/**
 * The part of the site this build renders: FINEPRINT_BUILD_SHARD=i/n, set by scripts/build.ts, which
 * runs n builds side by side and merges their output (see shard.ts). Unset, the build renders it all.
 */
export const BUILD_SHARD: Shard | null = process.env.FINEPRINT_BUILD_SHARD
  ? parseShard(process.env.FINEPRINT_BUILD_SHARD, 'FINEPRINT_BUILD_SHARD')
  : null;

let blobs: BlobReader | undefined;
let index: Promise<ArchiveIndex> | undefined;
// The paths of the documents this build derives first: its share, when it is one of n.
let shareOfThisBuild = new Set<string>();
// Every page looks its document up: by id, not by a scan of all documents.
let documentsById: Promise<Map<string, DocumentEntry>> | undefined;

function blobReader(): BlobReader {
  blobs ??= new BlobReader(ARCHIVE_REPO);
  return blobs;
}

/**
 * The metadata index of the archive, read from git history on first use. A build that is one of n
 * derives its share of the documents (balanced by number of versions) first, and finds most of the
 * rest already derived into the cache by the other builds.
 */
export function loadArchive(): Promise<ArchiveIndex> {
  index ??= readHistory(ARCHIVE_REPO).then(async (history) => {
    const startedAt = performance.now();
    const shards = BUILD_SHARD && balanceShards(history.documents.map((document) => document.versions.length), BUILD_SHARD.count);
    const deriveFirst = shards ? history.documents.filter((_, position) => shards[position] === BUILD_SHARD!.index) : [];
    shareOfThisBuild = new Set(deriveFirst.map((document) => document.path));
    let textsRead = 0;
    const readText = (blob: string) => {
      textsRead++;
      return blobReader().readText(blob);
    };
    const archive = await indexArchive(history, readText, createDerivedCache(derivedDisk, provisionTextDisk), { deriveFirst });
    // A build renders no page before its index is ready: this says how long that took, and how much it derived.
    const versions = archive.documents.reduce((sum, document) => sum + document.versions.length, 0);
    console.log(
      `Archive index: ${archive.documents.length} documents, ${versions} versions, in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; ${textsRead} version texts read to derive what the cache did not hold.`,
    );
    return archive;
  });
  return index;
}

/**
 * The archive's documents, this build's share first: work per document that builds share through
 * the cache (deriving, tagging) is then done by one build while the other does its own share.
 */
export async function documentsWithThisShareFirst(): Promise<DocumentEntry[]> {
  return ownShareFirst((await loadArchive()).documents, (d) => shareOfThisBuild.has(d.path));
}

/** A provision's text in the version of one of its events ('' for a removal), from the cache the index was derived into. */
export function provisionEventText(event: IndexedProvisionEvent): string {
  const text = provisionTextDisk.get(event.textId);
  if (text === null) {
    throw new Error(`The text of a provision changed in version ${event.version} is missing from the cache (${event.textId}): delete the cache folder (FINEPRINT_CACHE_DIR) and build again.`);
  }
  return text;
}

/** The recorded bytes of a version, exactly as in git. */
export function readVersionBytes(version: VersionEntry): Promise<Buffer> {
  return blobReader().read(version.blob);
}

/** The recorded text of a version. */
export function readVersionText(version: VersionEntry): Promise<string> {
  return blobReader().readText(version.blob);
}

/** The document with these ids; the build fails loudly if a route asks for one that does not exist. */
export async function findDocument(platform: string, document: string): Promise<DocumentEntry> {
  documentsById ??= loadArchive().then((archive) => new Map(archive.documents.map((d) => [`${d.platform}/${d.document}`, d])));
  const found = (await documentsById).get(`${platform}/${document}`);
  if (!found) throw new Error(`No document ${platform}/${document} in the archive.`);
  return found;
}

/** Bump when renderTrackedMarkdown's output changes, so older cached HTML is not reused. */
const RENDER_FORMAT = 2;

/** The Markdown body of a recorded text: what follows its front matter. */
export function versionBody(text: string, version: VersionEntry): string {
  if (version.bodyStartLine === 0) return text;
  return text.split('\n').slice(version.bodyStartLine).join('\n');
}

/** A version's Markdown body and its rendered, sanitized HTML (cached by blob and anchors). */
export async function renderVersion(version: VersionEntry): Promise<{ body: string; html: string }> {
  const body = versionBody(await readVersionText(version), version);
  const headingIds = new Map(version.provisions.map((provision) => [provision.line, provision.id]));
  const key = cacheKey('version-html', RENDER_FORMAT, version.blob, version.bodyStartLine, JSON.stringify([...headingIds]));
  return { body, html: htmlCache.remember(key, () => renderTrackedMarkdown(body, { headingIds })) };
}
