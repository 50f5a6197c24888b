import { access, copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { documentApiPath, documentPath } from '../paths';
import { FineprintError } from '../errors';

/**
 * The pages of each document as the last build rendered them, kept between builds under the cache so
 * that a build renders again only the documents whose inputs changed. A document's pages are its
 * folder of the site (`/<platform>/<document>/…`) and its API file; they are stored with the
 * fingerprint of everything they were rendered from (see src/data/page-reuse.ts):
 *
 *   <store>/<platform>/<document>/fingerprint
 *   <store>/<platform>/<document>/site/<the document's files, by their path in the site>
 *
 * Files are hard links between the store and the site where both are on one file system, so keeping
 * them costs no copy; nothing rewrites a built page in place.
 */

/** How the Astro builds reuse stored pages: set by scripts/build.ts in FINEPRINT_PAGE_REUSE (JSON). */
export const pageReuseSettings = z.object({
  /** The page store. */
  store: z.string().min(1),
  /** Where the build writes its plan (which documents it rendered and which it reused). */
  plan: z.string().min(1),
  /** The fingerprint of the code and hand-written content every page is rendered with. */
  code: z.string().min(1),
});
export type PageReuseSettings = z.infer<typeof pageReuseSettings>;

export function parsePageReuseSettings(json: string): PageReuseSettings {
  const parsed = pageReuseSettings.safeParse(JSON.parse(json));
  if (!parsed.success) throw new FineprintError(`FINEPRINT_PAGE_REUSE is not valid page reuse settings: ${parsed.error.message}`);
  return parsed.data;
}

/** One document of a build's plan: `key` is `<platform>/<document>`. */
export interface PlannedDocument {
  key: string;
  fingerprint: string;
  /** Whether its pages are taken from the store instead of rendered. */
  reused: boolean;
}

/** The paths (relative to the site's root) that hold a document's pages. */
export function documentPagePaths(key: string): string[] {
  const [platform, document] = key.split('/') as [string, string];
  return [documentPath(platform, document), documentApiPath(platform, document)].map((path) => path.replace(/^\/|\/$/g, ''));
}

const entryOf = (store: string, key: string) => join(store, ...key.split('/'));

/** The fingerprint a document's pages were stored with, or null when the store has none (or half of one). */
export async function storedFingerprint(store: string, key: string): Promise<string | null> {
  try {
    return (await readFile(join(entryOf(store, key), 'fingerprint'), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/** Links (or, across file systems, copies) every file under `from` to the same path under `to`. */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true }).catch(() => null);
  if (entries === null) {
    await mkdir(join(to, '..'), { recursive: true });
    await link(from, to).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EXDEV' || error.code === 'EPERM') return copyFile(from, to);
      throw error;
    });
    return;
  }
  await mkdir(to, { recursive: true });
  await Promise.all(entries.map((entry) => linkTree(join(from, entry.name), join(to, entry.name))));
}

const exists = (path: string) => access(path).then(
  () => true,
  () => false,
);

/** Keeps the pages a build rendered for a document in the store, replacing what it held; the fingerprint goes last. */
async function storeDocument(siteDir: string, store: string, planned: PlannedDocument): Promise<void> {
  const entry = entryOf(store, planned.key);
  await rm(entry, { recursive: true, force: true });
  for (const path of documentPagePaths(planned.key)) {
    if (await exists(join(siteDir, path))) await linkTree(join(siteDir, path), join(entry, 'site', path));
  }
  await writeFile(join(entry, 'fingerprint'), planned.fingerprint);
}

async function restoreDocument(siteDir: string, store: string, planned: PlannedDocument): Promise<void> {
  const site = join(entryOf(store, planned.key), 'site');
  if ((await storedFingerprint(store, planned.key)) !== planned.fingerprint || !(await exists(site))) {
    throw new FineprintError(`The page store lost the pages of ${planned.key} during the build (${store}): build again with --fresh.`);
  }
  await linkTree(site, siteDir);
}

/** Removes from the store every document the plan does not name: documents that left the archive. */
async function pruneStore(store: string, keys: Set<string>): Promise<void> {
  const keptPlatforms = new Set([...keys].map((key) => key.split('/')[0]));
  for (const platform of await readdir(store).catch(() => [])) {
    const gone = (await readdir(join(store, platform)).catch(() => [])).map((document) => `${platform}/${document}`).filter((key) => !keys.has(key));
    for (const key of gone) await rm(entryOf(store, key), { recursive: true, force: true });
    if (!keptPlatforms.has(platform)) await rm(join(store, platform), { recursive: true, force: true });
  }
}

/** What applying a plan did. */
export interface ReuseFigures {
  rendered: number;
  reused: number;
}

/** After the builds: puts the stored pages of every reused document into the built site. */
export async function restoreReusedPages(plans: PlannedDocument[], siteDir: string, store: string): Promise<ReuseFigures> {
  for (const planned of plans) if (planned.reused) await restoreDocument(siteDir, store, planned);
  const reused = plans.filter((planned) => planned.reused).length;
  return { rendered: plans.length - reused, reused };
}

/**
 * After the builds: stores the pages of every rendered document and drops documents no plan names.
 * It only reads the built site, so it can run while the site is indexed.
 */
export async function storeRenderedPages(plans: PlannedDocument[], siteDir: string, store: string): Promise<void> {
  for (const planned of plans) if (!planned.reused) await storeDocument(siteDir, store, planned);
  await pruneStore(store, new Set(plans.map((planned) => planned.key)));
}

/**
 * Reads the plan files the builds wrote. Each build plans every document, from the same store, so
 * the plans must agree; a document they disagree on stops the build.
 */
export async function readPlans(files: string[]): Promise<PlannedDocument[]> {
  const planned = new Map<string, PlannedDocument>();
  for (const file of files) {
    const json = await readFile(file, 'utf8').catch(() => {
      throw new FineprintError(`A site build ended without writing its page plan (${file}): its document routes never ran.`);
    });
    for (const document of JSON.parse(json) as PlannedDocument[]) {
      const earlier = planned.get(document.key);
      if (earlier && (earlier.fingerprint !== document.fingerprint || earlier.reused !== document.reused)) {
        throw new FineprintError(`The site builds disagree on the pages of ${document.key} (${file}): build again with --fresh.`);
      }
      planned.set(document.key, document);
    }
  }
  return [...planned.values()];
}
