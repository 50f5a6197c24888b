import type { DocumentEntry, VersionEntry } from '../lib/archive/index-archive';
import { dateToIso } from '../lib/dates';
import { changePath, documentApiPath, documentPath, platformPath, rawVersionPath, versionPath } from '../lib/paths';
import { loadArchive } from './archive';
import { summaryToJson } from './changes';
import { absolute } from './links';

/** The static open data under /api/: plain objects with absolute URLs, serialised by the endpoints. */

function versionToJson(document: DocumentEntry, version: VersionEntry) {
  return {
    version: version.stamp,
    captured_at: dateToIso(version.capturedAt),
    permalink: absolute(versionPath(document.platform, document.document, version.stamp)),
    raw: absolute(rawVersionPath(document.platform, document.document, version.stamp)),
    commit: version.commit,
    sha256: version.sha256,
    bytes: version.bytes,
    recorded_as: version.recordKind,
    changes: absolute(changePath(document.platform, document.document, version.stamp)),
    change: version.change ? summaryToJson(version.change) : null,
  };
}

function documentSummary(document: DocumentEntry) {
  return {
    platform: document.platform,
    document: document.document,
    title: document.title,
    url: absolute(documentPath(document.platform, document.document)),
    data: absolute(documentApiPath(document.platform, document.document)),
    sources: document.sources,
    versions: document.versions.length,
    latest: versionToJson(document, document.latest),
    removed_at: document.removedAt ? dateToIso(document.removedAt) : null,
  };
}

/** /api/platforms.json */
export async function platformsJson() {
  const archive = await loadArchive();
  return archive.platforms.map((platform) => ({
    platform: platform.id,
    name: platform.name,
    url: absolute(platformPath(platform.id)),
    documents: platform.documents.map((document) => document.document),
  }));
}

/** /api/documents.json */
export async function documentsJson() {
  return (await loadArchive()).documents.map(documentSummary);
}

/** /api/documents/<platform>/<document>.json: the document with every version. */
export function documentJson(document: DocumentEntry) {
  return { ...documentSummary(document), versions: document.versions.map((version) => versionToJson(document, version)) };
}

/** A JSON response for a static endpoint. */
export function jsonResponse(data: unknown): Response {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}
