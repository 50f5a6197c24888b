import { PLATFORMS_DIR } from '../../consts';
import { captureTimeToVersionStamp } from '../paths';
import { nameToSlug } from '../slug';
import { isRecordSubject, parseTrailers, subjectToKind, trailerValues, type RecordKind } from './commit-message';
import type { LogCommit } from './parse-log';

/** How an archive repository lays out its documents. */
export type ArchiveLayout = 'fineprint' | 'ota';

/** One recorded version of a document: one commit that changed the document's file. */
export interface Version {
  /** Position of the recording commit in the whole history: orders versions across documents. */
  sequence: number;
  /** The file the commit changed (differs from the document's path for versions before a rename). */
  path: string;
  /** UTC capture time as YYYYMMDDhhmmss, with -2, -3 for later versions in the same second. */
  stamp: string;
  capturedAt: Date;
  commit: string;
  blob: string;
  recordKind: RecordKind;
  /** Source URLs named by the commit's trailers; empty where the commit does not say. */
  sources: string[];
}

/** The history of one tracked document. */
export interface DocumentHistory {
  platform: string;
  document: string;
  /** Where the file lives in the repository. */
  path: string;
  /** The platform's display name, as the layout states it (our front matter is read later). */
  platformName: string;
  /** The document's title: its Open Terms Archive type. */
  title: string;
  versions: Version[];
  /** When the file was deleted from the tip of the history; its versions stay published. */
  removedAt: Date | null;
  /** The document this one was renamed to, or from, in the same commit. */
  renamedTo: string | null;
  renamedFrom: string | null;
}

interface DocumentLocation {
  platform: string;
  document: string;
  platformName: string;
  title: string;
}

/** The platform and document a repository path holds, or null for any other file. */
export function pathToDocument(path: string, layout: ArchiveLayout): DocumentLocation | null {
  const parts = path.split('/');
  if (layout === 'fineprint') {
    const prefix = PLATFORMS_DIR.split('/');
    if (parts.length !== prefix.length + 2 || prefix.some((part, i) => parts[i] !== part)) return null;
    const platform = parts[prefix.length]!;
    const file = parts[prefix.length + 1]!;
    if (!file.endsWith('.md')) return null;
    const document = file.slice(0, -3);
    return { platform, document, platformName: platform, title: document };
  }
  if (parts.length !== 2 || !parts[1]!.endsWith('.md') || parts[0]!.startsWith('.')) return null;
  const title = parts[1]!.slice(0, -3);
  return {
    platform: nameToSlug(parts[0]!),
    document: nameToSlug(title),
    platformName: parts[0]!,
    title,
  };
}

/** The pathspec that selects the documents of a layout in `git log`. */
export function layoutPathspec(layout: ArchiveLayout): string[] {
  return layout === 'fineprint' ? [`${PLATFORMS_DIR}/*/*.md`] : ['*/*.md'];
}

/**
 * Turns the commits of an archive (oldest first) into document histories. Every commit that adds or
 * modifies a document's file is a version of it. A delete ends the document at the tip unless it is
 * added again; a delete and an add of the same blob in one commit and one platform is a rename, and the
 * new document continues the old one's versions. In an Open Terms Archive repository only commits
 * with a record subject count: template and README commits are not versions.
 */
export function commitsToHistories(commits: LogCommit[], layout: ArchiveLayout): DocumentHistory[] {
  const histories = new Map<string, DocumentHistory>();
  const stampsTaken = new Map<DocumentHistory, Set<string>>();
  const key = (platform: string, document: string) => `${platform}/${document}`;

  for (const [sequence, commit] of commits.entries()) {
    const subject = commit.message.split('\n', 1)[0] ?? '';
    if (layout === 'ota' && !isRecordSubject(subject)) continue;
    const capturedAt = new Date(commit.authorDate);
    const recordKind = subjectToKind(subject);
    const sources = trailerValues(parseTrailers(commit.message), 'Source');
    const deleted = new Map<string, DocumentHistory>();

    // Deletions first: git lists entries by path, and a rename's add may sort before its delete.
    const ordered = [...commit.changes].sort((a, b) => Number(b.status === 'D') - Number(a.status === 'D'));
    for (const change of ordered) {
      const location = pathToDocument(change.path, layout);
      if (!location) continue;
      const id = key(location.platform, location.document);
      let history = histories.get(id);
      if (change.status === 'D') {
        if (history) {
          history.removedAt = capturedAt;
          deleted.set(change.oldBlob, history);
        }
        continue;
      }
      if (!history) {
        history = {
          ...location,
          path: change.path,
          versions: [],
          removedAt: null,
          renamedTo: null,
          renamedFrom: null,
        };
        histories.set(id, history);
        const renamedFrom = deleted.get(change.newBlob);
        if (renamedFrom && renamedFrom.platform === location.platform) {
          renamedFrom.renamedTo = location.document;
          history.renamedFrom = renamedFrom.document;
          history.versions.push(...renamedFrom.versions);
          continue;
        }
      }
      history.removedAt = null;
      history.versions.push({
        sequence,
        path: change.path,
        stamp: uniqueStamp(stampsTaken, history, captureTimeToVersionStamp(capturedAt)),
        capturedAt,
        commit: commit.hash,
        blob: change.newBlob,
        recordKind: history.versions.length === 0 ? 'first' : recordKind === 'first' ? 'change' : recordKind,
        sources,
      });
    }
  }
  return [...histories.values()].filter((history) => history.versions.length > 0);
}

function uniqueStamp(stampsTaken: Map<DocumentHistory, Set<string>>, history: DocumentHistory, stamp: string): string {
  let taken = stampsTaken.get(history);
  if (!taken) {
    taken = new Set(history.versions.map((version) => version.stamp));
    stampsTaken.set(history, taken);
  }
  let unique = stamp;
  for (let n = 2; taken.has(unique); n++) unique = `${stamp}-${n}`;
  taken.add(unique);
  return unique;
}
