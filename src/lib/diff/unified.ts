/**
 * The difference between two versions as a unified diff (the text diff2html renders) with its
 * counts of lines, and as counts of lines and words added and removed (`diffStats`). Line diffs run
 * over the whole texts; words are compared only inside changed blocks, so the cost follows the size
 * of the edit, not of the document.
 * Texts that are binary or too large to diff safely are reported as such instead of diffed.
 */
import diffSequences from '@jest/diff-sequences';
import { formatPatch, type StructuredPatch } from 'diff';
import { differingLineBounds } from './common-lines';
import { linePatchOf, numberTokens } from './line-patch';

/** Texts longer than this (in characters) are not diffed. */
export const MAX_DIFF_TEXT_LENGTH = 2_000_000;
/** A text with a line longer than this (in characters) is not diffed. */
export const MAX_DIFF_LINE_LENGTH = 200_000;
// Line edits beyond which the line diff gives up (Myers' cost grows with the number of edits).
const MAX_LINE_EDITS = 10_000;
// A last guard for pathological pairs within the limits above (thousands of moved lines): 1.3 s of
// comparisons here, counted rather than timed so that every build gives up on the same pairs.
const MAX_LINE_COMPARISONS = 200_000_000;
// Changed blocks larger than this have their words counted (all removed, all added) instead of compared.
const MAX_WORD_DIFF_LENGTH = 20_000;
// Unchanged lines shown around each change.
const DEFAULT_CONTEXT_LINES = 3;

/** Lines and words added and removed by a change; words are those a reader sees, link targets left out. */
export interface DiffStats {
  linesAdded: number;
  linesRemoved: number;
  wordsAdded: number;
  wordsRemoved: number;
}

/** Lines added and removed by a change. */
export type LineStats = Pick<DiffStats, 'linesAdded' | 'linesRemoved'>;

/** Why a pair of versions is not diffed. */
export type UndiffablePair = { status: 'binary' } | { status: 'too-large'; reason: string };

/** A unified diff of two versions, or why there is none. */
export type UnifiedDiff =
  | { status: 'identical'; patch: ''; stats: LineStats }
  | { status: 'changed'; patch: string; stats: LineStats }
  | UndiffablePair;

const NO_CHANGE: DiffStats = { linesAdded: 0, linesRemoved: 0, wordsAdded: 0, wordsRemoved: 0 };

function longestLineLength(text: string): number {
  let longest = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    longest = Math.max(longest, stop - start);
    start = stop + 1;
  }
  return longest;
}

/** Whether a pair of versions cannot be diffed here: a NUL byte makes it binary; size limits make it too large. */
export function findUndiffablePair(before: string, after: string): UndiffablePair | null {
  if (before.includes('\0') || after.includes('\0')) return { status: 'binary' };
  const length = Math.max(before.length, after.length);
  if (length > MAX_DIFF_TEXT_LENGTH) {
    return { status: 'too-large', reason: `A version has ${length} characters; diffs are computed up to ${MAX_DIFF_TEXT_LENGTH}.` };
  }
  const line = Math.max(longestLineLength(before), longestLineLength(after));
  if (line > MAX_DIFF_LINE_LENGTH) {
    return { status: 'too-large', reason: `A version has a line of ${line} characters; diffs are computed for lines up to ${MAX_DIFF_LINE_LENGTH}.` };
  }
  return null;
}

const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
// Link targets and bare addresses, which a reader does not read as words.
const ADDRESS = /\b(?:https?|mailto|tel):[^\s)\]>]*/gi;

// A Markdown link target: `](url "title")`, with one level of parentheses inside the URL.
const LINK_TARGET = /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g;

/** A text as a reader sees its words: without link targets and bare addresses. */
function readerText(text: string): string {
  return text.replace(LINK_TARGET, ']').replace(ADDRESS, ' ');
}

// The words of a text: runs of letters and digits (with inner apostrophes, dots, commas and hyphens), URLs left out.
const wordsOf = (text: string): string[] => text.replace(ADDRESS, ' ').match(WORD) ?? [];

/** The number of words a reader sees in a text: runs of letters and digits (with inner apostrophes, dots, commas and hyphens), not counting URLs. */
export function countWords(text: string): number {
  return wordsOf(text).length;
}

// The two texts without their common start and end, cut at whitespace so no word is split.
function trimCommonWords(a: string, b: string): [string, string] {
  const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  while (start > 0 && !(isSpace(a[start - 1]) || (isSpace(a[start]) && isSpace(b[start])))) start -= 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  while (end > 0 && !(isSpace(a[a.length - end]) || (isSpace(a[a.length - end - 1]) && isSpace(b[b.length - end - 1])))) end -= 1;
  return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}

// Words removed and added are those outside the longest common subsequence of the two blocks'
// words. Comparing word tokens as whole strings, with a Myers diff that reports only the common
// runs, costs a fraction of a character-level word diff that builds every edit.
function blockWordStats(fullRemoved: string, fullAdded: string): Pick<DiffStats, 'wordsAdded' | 'wordsRemoved'> {
  const [removed, added] = trimCommonWords(readerText(fullRemoved), readerText(fullAdded));
  const removedWords = wordsOf(removed);
  const addedWords = wordsOf(added);
  if (removed.length + added.length > MAX_WORD_DIFF_LENGTH || !removedWords.length || !addedWords.length) {
    return { wordsAdded: addedWords.length, wordsRemoved: removedWords.length };
  }
  const [removedIds, addedIds] = numberTokens(removedWords, addedWords);
  let common = 0;
  diffSequences(
    removedIds.length,
    addedIds.length,
    (a, b) => removedIds[a] === addedIds[b],
    (count) => (common += count),
  );
  return { wordsAdded: addedWords.length - common, wordsRemoved: removedWords.length - common };
}

// Hunk lines start with ' ' (context), '-', '+', or '\' ("\ No newline at end of file").
function patchLineStats(patch: StructuredPatch): LineStats {
  const stats = { linesAdded: 0, linesRemoved: 0 };
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('-')) stats.linesRemoved += 1;
      else if (line.startsWith('+')) stats.linesAdded += 1;
    }
  }
  return stats;
}

function patchStats(patch: StructuredPatch): DiffStats {
  const stats = { ...NO_CHANGE };
  let removed: string[] = [];
  let added: string[] = [];
  const closeBlock = () => {
    if (!removed.length && !added.length) return;
    const words = blockWordStats(removed.join('\n'), added.join('\n'));
    stats.linesRemoved += removed.length;
    stats.linesAdded += added.length;
    stats.wordsRemoved += words.wordsRemoved;
    stats.wordsAdded += words.wordsAdded;
    removed = [];
    added = [];
  };
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('-')) removed.push(line.slice(1));
      else if (line.startsWith('+')) added.push(line.slice(1));
      else if (!line.startsWith('\\')) closeBlock();
    }
    closeBlock();
  }
  return stats;
}

// At least as many line edits as lines that one text has more often than the other: a linear
// lower bound that rejects wholly different texts before the line diff starts.
function lineEditLowerBound(before: readonly string[], after: readonly string[]): number {
  const balance = new Map<string, number>();
  for (const line of before) balance.set(line, (balance.get(line) ?? 0) + 1);
  for (const line of after) balance.set(line, (balance.get(line) ?? 0) - 1);
  let edits = 0;
  for (const count of balance.values()) edits += Math.abs(count);
  return edits;
}

// Lines with their terminators, so that a last line without a newline differs from one with it.
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end + 1;
    lines.push(text.slice(start, stop));
    start = stop;
  }
  return lines;
}

const TOO_MANY_EDITS: UndiffablePair = {
  status: 'too-large',
  reason: `The versions differ in more than ${MAX_LINE_EDITS} lines; compare them side by side instead.`,
};

const TOO_SCATTERED: UndiffablePair = {
  status: 'too-large',
  reason: 'The versions differ in too many places to diff line by line; compare them side by side instead.',
};

/**
 * The line patch of two texts, computed on their differing middle only (plus `context` lines on
 * each side), with hunk line numbers shifted back to the whole texts: the common start and end of
 * two versions, usually almost all of them, cost one comparison per line.
 */
function linePatch(before: string, after: string, fileLabel: string, context: number): StructuredPatch | UndiffablePair {
  const a = splitLines(before);
  const b = splitLines(after);
  const { start, endA, endB } = differingLineBounds(a, b);
  const from = Math.max(0, start - context);
  const middleBefore = a.slice(from, Math.min(a.length, endA + context));
  const middleAfter = b.slice(from, Math.min(b.length, endB + context));
  if (lineEditLowerBound(middleBefore, middleAfter) > MAX_LINE_EDITS) return TOO_MANY_EDITS;
  const patch = linePatchOf(fileLabel, middleBefore, middleAfter, { context, maxComparisons: MAX_LINE_COMPARISONS });
  if (!patch) return TOO_SCATTERED;
  for (const hunk of patch.hunks) {
    hunk.oldStart += from;
    hunk.newStart += from;
  }
  return patch;
}

/**
 * The unified diff from `before` to `after`, labelled `fileLabel` on both sides, with `context`
 * unchanged lines around each change (3 unless given), and its counts of lines. Its words are
 * counted by `diffStats`, which the change summaries already hold: the pages that show a diff do
 * not count them again.
 */
export function versionsToUnifiedDiff(
  before: string,
  after: string,
  { fileLabel, context = DEFAULT_CONTEXT_LINES }: { fileLabel: string; context?: number },
): UnifiedDiff {
  const undiffable = findUndiffablePair(before, after);
  if (undiffable) return undiffable;
  if (before === after) return { status: 'identical', patch: '', stats: { linesAdded: 0, linesRemoved: 0 } };
  const patch = linePatch(before, after, fileLabel, context);
  if ('status' in patch) return patch;
  return { status: 'changed', patch: formatPatch(patch), stats: patchLineStats(patch) };
}

/** Lines and words added and removed from `before` to `after`; null when the pair cannot be diffed. */
export function diffStats(before: string, after: string): DiffStats | null {
  if (findUndiffablePair(before, after)) return null;
  if (before === after) return { ...NO_CHANGE };
  const patch = linePatch(before, after, 'text', 0);
  return 'status' in patch ? null : patchStats(patch);
}
