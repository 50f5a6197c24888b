/**
 * Commit messages of an archive: the ones the tracker and the importer write, and the subjects of an
 * Open Terms Archive versions repository, which the history reader also understands.
 *
 * Our format:
 *   <Subject prefix> <Platform name> <Document title>
 *   <blank line>
 *   Source: https://…            (one trailer per fetched page, in order)
 *   Fetcher: html | browser | pdf
 *   Extractor-Version: 1
 *   Imported-From: <repository> <commit>
 */

/** What a recorded version is, as stated by the commit that recorded it. */
export type RecordKind = 'first' | 'change' | 'technical';

/** The subject prefixes we write, per kind. */
export const SUBJECT_PREFIXES: Record<RecordKind, string> = {
  first: 'First record of',
  change: 'Record changes of',
  technical: 'Technical upgrade of',
};

// Open Terms Archive subjects, current and from older history (including ToSBack imports).
const OTA_SUBJECT_PREFIXES: [string, RecordKind][] = [
  ['First record of', 'first'],
  ['Start tracking', 'first'],
  ['Record new changes of', 'change'],
  ['Record changes of', 'change'],
  ['Update', 'change'],
  ['Apply technical or declaration upgrade on', 'technical'],
  ['Technical upgrade of', 'technical'],
  ['Refilter', 'technical'],
];

/** A trailer line `Key: value` at the end of a commit message. */
export type Trailer = [key: string, value: string];

/** Inputs of a record commit message. */
export interface RecordMessage {
  kind: RecordKind;
  platformName: string;
  documentTitle: string;
  trailers: Trailer[];
}

/** Builds the commit message that records one version of one document. */
export function formatRecordMessage(message: RecordMessage): string {
  const subject = `${SUBJECT_PREFIXES[message.kind]} ${message.platformName} ${message.documentTitle}`;
  const trailers = message.trailers.map(([key, value]) => `${key}: ${value.replace(/\s+/g, ' ').trim()}`);
  return trailers.length ? `${subject}\n\n${trailers.join('\n')}\n` : `${subject}\n`;
}

/** Whether a subject is one that records a version (ours or Open Terms Archive's). */
export function isRecordSubject(subject: string): boolean {
  return OTA_SUBJECT_PREFIXES.some(([prefix]) => subject === prefix || subject.startsWith(`${prefix} `));
}

/** The kind a commit subject states; a subject we do not recognise counts as a change. */
export function subjectToKind(subject: string): RecordKind {
  for (const [prefix, kind] of OTA_SUBJECT_PREFIXES) {
    if (subject === prefix || subject.startsWith(`${prefix} `)) return kind;
  }
  return 'change';
}

const TRAILER_LINE = /^([A-Za-z][A-Za-z0-9-]*): (.*)$/;

/** The trailers of a full commit message: the `Key: value` lines of its last paragraph. */
export function parseTrailers(message: string): Trailer[] {
  const paragraphs = message.trim().split(/\n\s*\n/);
  if (paragraphs.length < 2) return [];
  const lines = paragraphs[paragraphs.length - 1]!.split('\n');
  const trailers: Trailer[] = [];
  for (const line of lines) {
    const match = TRAILER_LINE.exec(line);
    if (!match) return [];
    trailers.push([match[1]!, match[2]!.trim()]);
  }
  return trailers;
}

/** All values of one trailer key, compared case-insensitively as git does. */
export function trailerValues(trailers: Trailer[], key: string): string[] {
  const wanted = key.toLowerCase();
  return trailers.filter(([k]) => k.toLowerCase() === wanted).map(([, value]) => value);
}
