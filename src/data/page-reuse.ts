import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { DocumentEntry } from '../lib/archive/index-archive';
import { parsePageReuseSettings, storedFingerprint, type PlannedDocument } from '../lib/build/page-store';
import { loadArchive } from './archive';
import { otherPlatformsHandling } from './topics';

/**
 * Which documents this build renders pages for. Given FINEPRINT_PAGE_REUSE (scripts/build.ts sets it),
 * a document whose pages the store holds with the same fingerprint is left out, and the build writes
 * its plan for scripts/build.ts to put the stored pages in; without it, every document.
 */
const settings = process.env.FINEPRINT_PAGE_REUSE ? parsePageReuseSettings(process.env.FINEPRINT_PAGE_REUSE) : null;

/**
 * Everything a document's pages are rendered from besides the code: its index entry (versions,
 * changes, provisions and their events, platform name), the topics of its provisions, and, for those
 * on a topic, the other platforms their pages name — the one input that other documents change.
 */
async function documentFingerprint(document: DocumentEntry, code: string): Promise<string> {
  // For each provision, per topic: the topic and the other platforms' provisions on it.
  const provisions = await Promise.all(document.provisions.map(({ id }) => otherPlatformsHandling(document.platform, document.document, id)));
  return createHash('sha256').update(code).update(JSON.stringify(document)).update(JSON.stringify(provisions)).digest('hex');
}

let toRender: Promise<DocumentEntry[]> | undefined;

async function planDocuments(): Promise<DocumentEntry[]> {
  const { documents } = await loadArchive();
  if (!settings) return documents;
  const plan: PlannedDocument[] = await Promise.all(
    documents.map(async (document) => {
      const key = `${document.platform}/${document.document}`;
      const fingerprint = await documentFingerprint(document, settings.code);
      return { key, fingerprint, reused: (await storedFingerprint(settings.store, key)) === fingerprint };
    }),
  );
  await writeFile(settings.plan, JSON.stringify(plan));
  return documents.filter((_, position) => !plan[position]!.reused);
}

/** The documents whose pages this build renders (once per build). */
export function documentsToRender(): Promise<DocumentEntry[]> {
  toRender ??= planDocuments();
  return toRender;
}
