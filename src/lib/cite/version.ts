import { z } from 'zod';
import { FineprintError } from '../errors';
import { captureTimeToVersionStamp, documentPath, rawVersionPath, versionPath } from '../paths';

/** A version could not be cited because the description handed to the citation formats is inconsistent. */
export class CitationError extends FineprintError {}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * Folds any run of whitespace or control characters (newlines, tabs, U+2028, NUL, ESC…) into one
 * space: every citation format is line-based or single-line, and a stray newline in a platform name
 * would end a RIS record or a BibTeX field early.
 */
export function toOneLine(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

const oneLineText = (what: string) =>
  z
    .string()
    .transform(toOneLine)
    .pipe(z.string().min(1, `${what} is empty once whitespace and control characters are removed`));

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "claude-ai"');
// Normalised through WHATWG URL so that a path never carries raw braces, backslashes or spaces.
const webUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  .transform((url) => new URL(url).href);
// zod's date() also rejects an Invalid Date.
const validDate = z.date({ error: 'must be a valid Date' });

/** What a citation of one archived version needs; built by the site's data layer from the archive index. */
export const citableVersionSchema = z.object({
  platformName: oneLineText('platformName'),
  documentTitle: oneLineText('documentTitle'),
  platformId: slugId,
  documentId: slugId,
  versionStamp: z
    .string()
    .regex(/^\d{14}(?:-[2-9]|-[1-9]\d+)?$/, 'must be YYYYMMDDhhmmss, with -2, -3… for same-second versions'),
  capturedAt: validDate,
  permalink: webUrl,
  rawUrl: webUrl,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits'),
  sourceUrls: z.array(webUrl),
  archiveName: oneLineText('archiveName'),
  accessed: validDate.optional(),
});

/** One archived version as the citation formats take it (see `citableVersionSchema`). */
export type CitableVersion = z.input<typeof citableVersionSchema>;

/** A validated version with its text fields on one line and its capture date split into UTC parts. */
export interface CheckedVersion extends z.output<typeof citableVersionSchema> {
  /** Citation key and file name stem: `<platform>-<document>-<stamp>`. */
  key: string;
  /** The absolute URL of the document page the version belongs to. */
  documentUrl: string;
  captured: UtcParts;
  /** The access date's UTC fields, when an access date was given. */
  accessedParts?: UtcParts;
}

/** A date's UTC calendar and clock fields, zero-padded where citation formats want digits. */
export interface UtcParts {
  year: number;
  month: number;
  day: number;
  /** "2026-07-08" */
  isoDate: string;
  /** "2026/07/08", as RIS and Highwire meta tags write dates */
  slashDate: string;
  /** "2026-07-08T10:31:15Z" */
  isoDateTime: string;
  /** "8 July 2026" */
  humanDate: string;
  /** "10:31" */
  hourMinute: string;
  /** "10:31:15" */
  time: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Splits a date into its UTC fields; citations never use the reader's or the builder's time zone. */
export function dateToUtcParts(date: Date): UtcParts {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const isoDate = `${year}-${pad(month)}-${pad(day)}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return {
    year,
    month,
    day,
    isoDate,
    slashDate: isoDate.replace(/-/g, '/'),
    isoDateTime: `${isoDate}T${time}Z`,
    humanDate: `${day} ${MONTH_NAMES[month - 1]} ${year}`,
    hourMinute: time.slice(0, 5),
    time,
  };
}

/**
 * Validates a version before citing it: a citation that names the wrong capture time or a URL
 * that does not lead to the version is worse than none, so inconsistencies stop the build.
 */
export function checkCitableVersion(version: CitableVersion): CheckedVersion {
  const label =
    typeof version === 'object' && version !== null
      ? `version "${String(version.versionStamp)}" of "${String(version.platformId)}/${String(version.documentId)}"`
      : `a version given as ${String(version)}`;
  const result = citableVersionSchema.safeParse(version);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => (issue.path.length > 0 ? `field "${issue.path.join('.')}" ${issue.message}` : issue.message))
      .join('; ');
    throw new CitationError(`Cannot cite ${label}: ${problems}. Build the CitableVersion from the archive index.`);
  }
  const checked = result.data;
  const { platformId, documentId, versionStamp, capturedAt } = checked;
  const expectedStamp = captureTimeToVersionStamp(capturedAt);
  if (versionStamp.slice(0, 14) !== expectedStamp) {
    throw new CitationError(
      `Cannot cite ${label}: its stamp does not match capturedAt ${capturedAt.toISOString()} (expected "${expectedStamp}"). Take both from the same commit's author date.`,
    );
  }
  const ownPath = versionPath(platformId, documentId, versionStamp);
  const permalinkUrl = new URL(checked.permalink);
  if (!permalinkUrl.pathname.endsWith(ownPath) || permalinkUrl.search || permalinkUrl.hash) {
    throw new CitationError(
      `Cannot cite ${label}: permalink "${checked.permalink}" does not end with "${ownPath}". Build it with absoluteUrl(site, base, versionPath(…)) from src/lib/paths.ts.`,
    );
  }
  const rawPath = rawVersionPath(platformId, documentId, versionStamp);
  if (!new URL(checked.rawUrl).pathname.endsWith(rawPath)) {
    throw new CitationError(
      `Cannot cite ${label}: rawUrl "${checked.rawUrl}" does not end with "${rawPath}". Build it with absoluteUrl(site, base, rawVersionPath(…)) from src/lib/paths.ts.`,
    );
  }
  return {
    ...checked,
    key: `${platformId}-${documentId}-${versionStamp}`,
    // Same site and base as the permalink, so the deployment's sub-path is kept.
    documentUrl: `${checked.permalink.slice(0, -ownPath.length)}${documentPath(platformId, documentId)}`,
    captured: dateToUtcParts(capturedAt),
    ...(checked.accessed && { accessedParts: dateToUtcParts(checked.accessed) }),
  };
}

/** The note every format carries: the exact capture time and the hash that identifies the text. */
export function versionToNote(version: CheckedVersion): string {
  return `Version captured ${version.captured.isoDate} ${version.captured.time} UTC. SHA-256: ${version.sha256}`;
}
