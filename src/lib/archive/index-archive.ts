import { createHash } from 'node:crypto';
import { RESERVED_DOCUMENT_IDS, RESERVED_PLATFORM_IDS } from '../../consts';
import { DeclarationError } from '../errors';
import type { ChangeSummary } from '../diff/summary';
import { summarizeChange } from '../diff/summary';
import type { DocumentHistory, Version } from '../history/history';
import { trackProvisionHistory, type IdentifiedProvision, type ProvisionHistory } from '../provisions/lineage';
import { splitProvisions } from '../provisions/split';
import { findStatedDate, type StatedDate } from '../stated-date';
import type { ArchiveHistory } from '../history/read-history';
import { parseRecordedText } from '../schemas/front-matter';

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

/** One document of the archive with its versions, oldest first. */
export interface DocumentEntry extends Omit<DocumentHistory, 'versions'> {
  versions: VersionEntry[];
  latest: VersionEntry;
  sources: string[];
  /** Every provision the document ever had, with the versions in which it changed. */
  provisions: ProvisionHistory[];
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

/**
 * Builds the index by reading every version's text once, one document at a time, and deriving what
 * pages need: checksums, stated dates, provision ids (src/lib/provisions) and the summary of each
 * change against the version before (src/lib/diff). Only metadata is kept. The latest version of each
 * document must have valid front matter (the build stops naming the file); an older version that does
 * not is still published, as its whole text.
 */
export async function indexArchive(history: ArchiveHistory, readText: (blob: string) => Promise<string>): Promise<ArchiveIndex> {
  const documents: DocumentEntry[] = [];
  for (const document of history.documents) {
    assertRoutableIds(document);
    const recorded: { version: Version; text: string; meta: ReturnType<typeof splitRecordedFile> }[] = [];
    for (const [index, version] of document.versions.entries()) {
      const text = await readText(version.blob);
      const isLatest = index === document.versions.length - 1;
      const where = `${version.path} (version ${version.stamp}, commit ${version.commit.slice(0, 12)})`;
      let meta: ReturnType<typeof splitRecordedFile>;
      try {
        meta = splitRecordedFile(text, history.layout, where);
      } catch (error) {
        if (isLatest && !document.removedAt) throw error;
        meta = { body: text, bodyStartLine: 0, sources: [] };
      }
      recorded.push({ version, text, meta });
    }
    const lineage = trackProvisionHistory(recorded.map(({ version, meta }) => ({ version: version.stamp, text: meta.body })));
    const versions: VersionEntry[] = [];
    let previous: { body: string; provisions: IdentifiedProvision[] } | null = null;
    for (const [index, { version, text, meta }] of recorded.entries()) {
      const ids = lineage.versions[index]!.ids;
      const provisions = splitProvisions(meta.body).map((provision, i) => ({ ...provision, id: ids[i]! }));
      versions.push({
        ...version,
        index,
        sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
        bytes: Buffer.byteLength(text, 'utf8'),
        bodyStartLine: meta.bodyStartLine,
        statedDate: findStatedDate(meta.body),
        provisions: provisions.map(({ id, heading, startLine }) => ({ id, heading, line: startLine - 1 })),
        change: previous
          ? summarizeChange({
              commitKind: version.recordKind,
              before: { text: previous.body, provisions: previous.provisions },
              after: { text: meta.body, provisions },
            })
          : null,
      });
      previous = { body: meta.body, provisions };
    }
    const meta = recorded.at(-1)!.meta;
    documents.push({
      ...document,
      platformName: meta.platformName ?? document.platformName,
      title: meta.type ?? document.title,
      sources: meta.sources.length ? meta.sources : versions.at(-1)!.sources,
      versions,
      latest: versions.at(-1)!,
      provisions: lineage.provisions,
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
