import { basename } from 'node:path';
import { PLATFORMS_DIR, RESERVED_PLATFORM_IDS } from '../../consts';
import { DeclarationError } from '../errors';
import { formatRecordedText } from '../schemas/front-matter';
import { isTermsType } from '../terms-types';
import { formatRecordMessage, type Trailer } from './commit-message';
import type { BlobReader } from './git';
import type { DocumentHistory, Version } from './history';
import { sourcesAt, type OtaServices } from './ota-declarations';

/** The trailer that names the repository and commit an imported version comes from. */
export const IMPORTED_FROM = 'Imported-From';

/** Identity of the commits Fineprint writes. */
export const BOT_IDENTITY = 'Fineprint Bot <bot@fineprint.invalid>';

/** One version of an Open Terms Archive repository to replay into our layout. */
export interface ImportStep {
  history: DocumentHistory;
  version: Version;
  /** Where the version is written in our layout. */
  path: string;
  platformName: string;
  sources: string[];
  importedFrom: string;
}

/** A name for the source repository in trailers: the bundle or folder name without `.bundle`/`.git`. */
export function repositoryName(source: string): string {
  return basename(source.replace(/\/+$/, '')).replace(/\.(bundle|git)$/, '');
}

/**
 * The versions still to import, in the source's commit order. Versions whose source commit is already
 * named by an `Imported-From` trailer are skipped, so importing the same source twice adds nothing.
 */
export function planImport(
  documents: DocumentHistory[],
  sourceName: string,
  alreadyImported: Set<string>,
  declarations: OtaServices | null,
): ImportStep[] {
  const steps: ImportStep[] = [];
  for (const history of documents) {
    if ((RESERVED_PLATFORM_IDS as readonly string[]).includes(history.platform)) {
      throw new DeclarationError(
        `Service "${history.platformName}" would get the platform id "${history.platform}", which is a route of the site. Rename the service folder before importing.`,
      );
    }
    if (!isTermsType(history.title)) {
      throw new DeclarationError(
        `"${history.path}" has the type "${history.title}", which is not an Open Terms Archive document type (see @opentermsarchive/terms-types).`,
      );
    }
    const service = declarations?.get(history.platformName);
    for (const version of history.versions) {
      // Versions a renamed document inherits were recorded under the old path: imported there.
      if (version.path !== history.path) continue;
      const importedFrom = `${sourceName} ${version.commit}`;
      if (alreadyImported.has(importedFrom)) continue;
      steps.push({
        history,
        version,
        path: `${PLATFORMS_DIR}/${history.platform}/${history.document}.md`,
        platformName: service?.name ?? history.platformName,
        sources: sourcesAt(service?.sources.get(history.title), version.capturedAt),
        importedFrom,
      });
    }
  }
  return steps.sort((a, b) => a.version.sequence - b.version.sequence);
}

function data(content: Buffer): Buffer[] {
  return [Buffer.from(`data ${content.length}\n`), content, Buffer.from('\n')];
}

/**
 * The `git fast-import` stream that records the planned versions on `ref`, continuing from `fromTip`:
 * one commit per version, dated at the original capture time, with our front matter and message.
 */
export async function* importStream(
  steps: ImportStep[],
  blobs: BlobReader,
  ref: string,
  fromTip: string | null,
): AsyncGenerator<Buffer> {
  for (const [index, step] of steps.entries()) {
    const body = await blobs.readText(step.version.blob);
    const text = formatRecordedText({ platform: step.platformName, type: step.history.title, sources: step.sources }, body);
    const trailers: Trailer[] = [...step.sources.map((url): Trailer => ['Source', url]), [IMPORTED_FROM, step.importedFrom]];
    const message = formatRecordMessage({
      kind: step.version.recordKind,
      platformName: step.platformName,
      documentTitle: step.history.title,
      trailers,
    });
    const when = `${Math.floor(step.version.capturedAt.getTime() / 1000)} +0000`;
    yield Buffer.from(`commit ${ref}\nauthor ${BOT_IDENTITY} ${when}\ncommitter ${BOT_IDENTITY} ${when}\n`);
    yield* data(Buffer.from(message));
    if (index === 0 && fromTip) yield Buffer.from(`from ${fromTip}\n`);
    yield Buffer.from(`M 100644 inline ${step.path}\n`);
    yield* data(Buffer.from(text));
  }
}
