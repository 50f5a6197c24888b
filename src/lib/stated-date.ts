/**
 * The date a policy states about itself near its top ("Effective July 8, 2026", "Last updated:
 * 8 July 2026", "> Effective date: 2026-07-08", "_Last Updated: August 14, 2026_"), which lets a
 * change be flagged as a silent edit when the text changed but this date did not.
 */
import { readDateAt } from './diff/dates';

/** What the stated date claims to be. */
export type StatedDateLabel = 'effective' | 'last updated' | 'last modified' | 'released';

/** A stated date: its label, the date in ISO (`YYYY-MM-DD`, or `YYYY-MM` when only a month is stated) and the words as written. */
export interface StatedDate {
  label: StatedDateLabel;
  date: string;
  text: string;
}

// Label words, then what may sit between them and the date: "date", "from", "as of", a colon,
// emphasis markers and spaces ("Effective: **30 September 2025**", "Effective:June 11, 2026").
const LABEL_SOURCE = String.raw`(?<![\p{L}\p{N}])(effective|last\s+updated?|updated|last\s+modified|modified|last\s+revised|revised|release\s+date|released)(?:\s+(?:date|from|as\s+of|on))?[\s:*_]*`;
const LABEL = new RegExp(`()${LABEL_SOURCE}`, 'giu');
// A label at the start of a line, after at most 12 quote, list, heading or emphasis marks and spaces
// (the first group), so a whole text is scanned from line starts only.
const LABEL_AT_LINE_START = new RegExp(String.raw`^([\s>*_#-]{0,12}?)` + LABEL_SOURCE, 'gimu');

// Where a stated date is looked for anywhere in a line: the top of the document.
const TOP_LENGTH = 4000;

function labelOf(word: string): StatedDateLabel {
  const lower = word.toLowerCase();
  if (lower === 'effective') return 'effective';
  if (lower.includes('modified') || lower.includes('revised')) return 'last modified';
  if (lower.startsWith('release')) return 'released';
  return 'last updated';
}

function firstStatedDate(text: string, label: RegExp): StatedDate | null {
  for (const match of text.matchAll(label)) {
    const start = match.index + match[1]!.length;
    const date = readDateAt(text, match.index + match[0].length);
    if (!date) continue;
    const written = text.slice(start, date.end).replace(/[*_]/g, '').replace(/\s+/g, ' ');
    return { label: labelOf(match[2]!), date: date.iso, text: written };
  }
  return null;
}

/**
 * The first date the document states about itself: anywhere in its first 4,000 characters, else
 * at the start of any line (some policies state it at the end). Null when it states none.
 */
export function findStatedDate(markdown: string): StatedDate | null {
  return firstStatedDate(markdown.slice(0, TOP_LENGTH), LABEL) ?? firstStatedDate(markdown, LABEL_AT_LINE_START);
}
