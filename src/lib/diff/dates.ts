/**
 * Calendar dates as policies write them ("8 July 2026", "July 8, 2026", "Jul 8th, 2026",
 * "16 July, 2026", "2026-07-08", and the month-only "July 2026"), read into ISO 8601.
 * Shared by the date-formats change rule and the stated-date finder so both read the same dates.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// Alternatives, in the order tried: "8 July 2026" / "16 July, 2026"; "July 8, 2026"; ISO; "July 2026".
const DATE_SOURCE =
  `\\b(?:${DAY}\\s+${MONTH},?\\s+${YEAR}` +
  `|${MONTH}\\s+${DAY},?\\s+${YEAR}` +
  `|(\\d{4})-(\\d{2})-(\\d{2})` +
  `|${MONTH}\\s+${YEAR})(?!\\d)`;

/** A fresh global regular expression matching one written date (month names capitalised, so "may" is no month). */
export function datePattern(): RegExp {
  return new RegExp(DATE_SOURCE, 'g');
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The ISO form of one match of `datePattern()`: `YYYY-MM-DD`, or `YYYY-MM` when only a month is
 * written; null when the match is not a real calendar date ("31 February 2026").
 */
export function dateMatchToIso(match: RegExpExecArray | RegExpMatchArray): string | null {
  const [, d1, m1, y1, m2, d2, y2, isoY, isoM, isoD, m3, y3] = match;
  if (y1) return isoDay(Number(y1), MONTHS[m1!.toLowerCase()]!, Number(d1));
  if (y2) return isoDay(Number(y2), MONTHS[m2!.toLowerCase()]!, Number(d2));
  if (isoY) return isoDay(Number(isoY), Number(isoM), Number(isoD));
  const month = MONTHS[m3!.toLowerCase()]!;
  return `${y3}-${pad(month)}`;
}

// Compiled once: readDateAt runs for every date label of every version.
const DATE_AT = new RegExp(DATE_SOURCE, 'y');

/** The written date that starts exactly at `index` of a text, read into ISO, with the index just after it. */
export function readDateAt(text: string, index: number): { iso: string; end: number } | null {
  DATE_AT.lastIndex = index;
  const match = DATE_AT.exec(text);
  const iso = match ? dateMatchToIso(match) : null;
  return match && iso ? { iso, end: index + match[0].length } : null;
}

/** Rewrites every written date of a text into its ISO form, leaving impossible dates as written. */
export function rewriteDatesToIso(text: string): string {
  return text.replace(datePattern(), (...args) => {
    const groups = args.slice(0, 12) as unknown as RegExpMatchArray;
    return dateMatchToIso(groups) ?? groups[0]!;
  });
}
