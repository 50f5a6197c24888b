/** Dates on pages: a human date in UTC with the exact time beside it; ISO 8601 in data. */

const HUMAN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "8 July 2026" (UTC). */
export function dateToHuman(date: Date): string {
  return HUMAN_DATE.format(date);
}

/** "10:31:15 UTC". */
export function dateToUtcTime(date: Date): string {
  return `${date.toISOString().slice(11, 19)} UTC`;
}

/** "2026-07-08T10:31:15Z": ISO 8601 in UTC, to the second. */
export function dateToIso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
