import { DEFAULT_SITE } from '../consts';
import { base, site } from 'astro:config/server';
import { changePath, provisionPath, rawVersionPath, versionPath } from '../lib/paths';
import type { PermalinkManifest } from '../lib/check/permalinks';
import { loadArchive } from './archive';
import { absolute } from './links';

/** /api/permalinks.json: every version, raw text, change and provision URL of the archive (see src/lib/check/permalinks.ts). */
export async function permalinksJson(): Promise<PermalinkManifest> {
  const { documents } = await loadArchive();
  const versions = documents.flatMap((document) => document.versions.map((version) => ({ document, stamp: version.stamp })));
  return {
    site: site ?? DEFAULT_SITE,
    base,
    versions: versions.map(({ document, stamp }) => absolute(versionPath(document.platform, document.document, stamp))),
    raw: versions.map(({ document, stamp }) => absolute(rawVersionPath(document.platform, document.document, stamp))),
    changes: versions.map(({ document, stamp }) => absolute(changePath(document.platform, document.document, stamp))),
    provisions: documents.flatMap((document) =>
      document.provisions.map((provision) => absolute(provisionPath(document.platform, document.document, provision.id))),
    ),
  };
}
