import { z } from 'zod';
import { FineprintError } from '../errors';
import { sitePathToFile } from './links';

/**
 * The permalink manifest, `/api/permalinks.json`: every published URL the site promises never to
 * change, absolute, grouped by kind. A later build must still serve every one of them.
 *
 *   { "site": "https://…", "base": "/fineprint/", "versions": [...], "raw": [...], "changes": [...], "provisions": [...] }
 */
export const permalinkManifestSchema = z
  .object({
    site: z.url(),
    base: z.string().startsWith('/'),
    versions: z.array(z.url()),
    raw: z.array(z.url()),
    changes: z.array(z.url()),
    provisions: z.array(z.url()),
  })
  .strict();

/** A validated permalink manifest. */
export type PermalinkManifest = z.output<typeof permalinkManifestSchema>;

/** Validates a manifest read from `source` (a file or URL, named in the error). */
export function parsePermalinkManifest(text: string, source: string): PermalinkManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FineprintError(`The permalink manifest ${source} is not JSON (${String(error)}). Give the api/permalinks.json of a build.`);
  }
  const parsed = permalinkManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FineprintError(`The permalink manifest ${source} is invalid at "${issue.path.join('.')}": ${issue.message}.`);
  }
  return parsed.data;
}

/** Every URL of a manifest, in manifest order. */
export function manifestUrls(manifest: PermalinkManifest): string[] {
  return [...manifest.versions, ...manifest.raw, ...manifest.changes, ...manifest.provisions];
}

/**
 * The URLs of an older manifest that a new build no longer serves. Each URL is taken relative to the
 * old deployment (its site and base) and looked up in the new build's files under `base`, so a build
 * for another host still answers for the same paths.
 */
export function findUnresolvedPermalinks(previous: PermalinkManifest, files: ReadonlySet<string>, base: string): string[] {
  const root = new URL(previous.base, previous.site).href;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return manifestUrls(previous).filter((url) => {
    if (!url.startsWith(root)) return true;
    const path = prefix + decodeURIComponent(new URL(url).pathname).slice(new URL(root).pathname.length);
    return sitePathToFile(path, base, files) === null;
  });
}
