import { ARCHIVE_NAME } from '../consts';
import type { DocumentEntry, PlatformEntry, VersionEntry } from '../lib/archive/index-archive';
import type { CitableVersion } from '../lib/cite';
import { rawVersionPath, versionPath } from '../lib/paths';
import { loadArchive } from './archive';
import { absolute } from './links';
import { documentsToRender } from './page-reuse';
import { routesOfThisShard } from './shard';

/** Shapes the archive index into what each page shows. Pages only render these objects. */

/** A platform by id; the build fails if a route asks for one that does not exist. */
export async function findPlatform(id: string): Promise<PlatformEntry> {
  const platform = (await loadArchive()).platforms.find((p) => p.id === id);
  if (!platform) throw new Error(`No platform ${id} in the archive.`);
  return platform;
}

// Each version page looks its version up: by stamp, not by a scan of the document's versions.
const versionsByStamp = new WeakMap<DocumentEntry, Map<string, VersionEntry>>();

/** A version of a document by stamp, with its neighbours. */
export function findVersion(document: DocumentEntry, stamp: string) {
  let byStamp = versionsByStamp.get(document);
  if (!byStamp) versionsByStamp.set(document, (byStamp = new Map(document.versions.map((v) => [v.stamp, v]))));
  const version = byStamp.get(stamp);
  if (!version) throw new Error(`No version ${stamp} of ${document.platform}/${document.document}.`);
  return {
    version,
    previous: document.versions[version.index - 1] ?? null,
    next: document.versions[version.index + 1] ?? null,
    isLatest: version.index === document.versions.length - 1,
  };
}

/** Totals shown on the home page. */
export async function archiveCounts() {
  const archive = await loadArchive();
  return {
    platforms: archive.platforms.length,
    documents: archive.documents.length,
    versions: archive.documents.reduce((sum, document) => sum + document.versions.length, 0),
  };
}

/** The description of a version that every citation format is made from. */
export function citableVersion(document: DocumentEntry, version: VersionEntry): CitableVersion {
  return {
    platformName: document.platformName,
    documentTitle: document.title,
    platformId: document.platform,
    documentId: document.document,
    versionStamp: version.stamp,
    capturedAt: version.capturedAt,
    permalink: absolute(versionPath(document.platform, document.document, version.stamp)),
    rawUrl: absolute(rawVersionPath(document.platform, document.document, version.stamp)),
    sha256: version.sha256,
    sourceUrls: version.sources.length ? version.sources : document.sources,
    archiveName: ARCHIVE_NAME,
  };
}

/** The route params of every platform page this build renders. */
export async function platformRoutes() {
  return routesOfThisShard((await loadArchive()).platforms.map((platform) => ({ params: { platform: platform.id } })));
}

/** The route params of every document this build renders. */
export async function documentRoutes() {
  return routesOfThisShard(
    (await documentsToRender()).map((document) => ({
      params: { platform: document.platform, document: document.document },
    })),
  );
}

/** The route params of every version this build renders. */
export async function versionRoutes() {
  return routesOfThisShard(
    (await documentsToRender()).flatMap((document) =>
      document.versions.map((version) => ({
        params: { platform: document.platform, document: document.document, version: version.stamp },
      })),
    ),
  );
}
