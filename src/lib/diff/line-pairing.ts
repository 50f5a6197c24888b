/**
 * Which removed line of a changed block became which added line. A diff shows a pair on one row
 * with its changed words marked; a paragraph that was rewritten beyond recognition, or is new, is
 * shown alone. Marking the words of two unrelated paragraphs only paints both red and green, and it
 * was most of what word marking cost: in a sample of contrib's changes, over nine tenths of the
 * marking time went to pairs of lines with less than half their words in common.
 */

/** Two lines are a pair when at least this share of their words is common (Dice coefficient). */
export const PAIRED_LINE_SIMILARITY = 0.5;

/**
 * Lines up to this many characters on both sides are paired whatever their words (a new date, a
 * renamed heading, a list item rewritten): marking them costs little, and their place says enough.
 */
export const SHORT_LINE_LENGTH = 200;

// Blocks up to this many removed × added lines are aligned as a whole; larger ones pair lines that
// keep their place (the n-th removed with the n-th added), as a rewritten section does.
const MAX_ALIGNED_COMPARISONS = 2_500;

/** One row group of a changed block: a pair (one line each side), or lines of one side alone. */
export interface LineGroup {
  removed: number[];
  added: number[];
}

type WordCounts = { counts: Map<string, number>; total: number; short: boolean };

function countWords(line: string): WordCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [word] of line.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
    total += 1;
  }
  return { counts, total, short: line.length <= SHORT_LINE_LENGTH };
}

function similarity(a: WordCounts, b: WordCounts): number {
  // Lines without words (rules, table borders, bare punctuation) are short: their marks cost little and show the change.
  if (a.total === 0 || b.total === 0) return a.total === b.total ? 1 : 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, count] of small.counts) common += Math.min(count, large.counts.get(word) ?? 0);
  return (2 * common) / (a.total + b.total);
}

/** The share of words two lines have in common, from 0 to 1 (Dice coefficient over their words). */
export function lineSimilarity(a: string, b: string): number {
  return similarity(countWords(a), countWords(b));
}

// How much a pair adds to an alignment, or 0 when the two lines are no pair. Short lines that share
// no word still count a little, so an alignment pairs them rather than leave them alone.
function pairScore(a: WordCounts, b: WordCounts): number {
  const shared = similarity(a, b);
  if (shared >= PAIRED_LINE_SIMILARITY) return shared;
  return a.short && b.short ? Math.max(shared, 0.01) : 0;
}

// The pairs (removed index, added index) of the most similar alignment that keeps both orders.
function alignedPairs(removed: WordCounts[], added: WordCounts[]): [number, number][] {
  const width = added.length + 1;
  const score = new Float64Array((removed.length + 1) * width);
  const paired = new Uint8Array(score.length);
  for (let i = 1; i <= removed.length; i++) {
    for (let j = 1; j <= added.length; j++) {
      let best = Math.max(score[(i - 1) * width + j]!, score[i * width + j - 1]!);
      const shared = pairScore(removed[i - 1]!, added[j - 1]!);
      if (shared > 0 && score[(i - 1) * width + j - 1]! + shared > best) {
        best = score[(i - 1) * width + j - 1]! + shared;
        paired[i * width + j] = 1;
      }
      score[i * width + j] = best;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = removed.length, j = added.length; i > 0 && j > 0; ) {
    if (paired[i * width + j]) {
      pairs.push([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    } else if (score[(i - 1) * width + j] === score[i * width + j]) i -= 1;
    else j -= 1;
  }
  return pairs.reverse();
}

function pairsInPlace(removed: WordCounts[], added: WordCounts[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < Math.min(removed.length, added.length); i++) {
    if (pairScore(removed[i]!, added[i]!) > 0) pairs.push([i, i]);
  }
  return pairs;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, offset) => from + offset);

/**
 * The row groups of a changed block of `removed` and `added` lines, in the order of both sides:
 * before each pair, the removed lines and then the added lines that have no partner.
 */
export function pairChangedLines(removed: readonly string[], added: readonly string[]): LineGroup[] {
  const removedWords = removed.map(countWords);
  const addedWords = added.map(countWords);
  const pairs =
    removed.length * added.length <= MAX_ALIGNED_COMPARISONS ? alignedPairs(removedWords, addedWords) : pairsInPlace(removedWords, addedWords);
  const groups: LineGroup[] = [];
  let nextRemoved = 0;
  let nextAdded = 0;
  const alone = (removedEnd: number, addedEnd: number) => {
    if (removedEnd > nextRemoved) groups.push({ removed: range(nextRemoved, removedEnd), added: [] });
    if (addedEnd > nextAdded) groups.push({ removed: [], added: range(nextAdded, addedEnd) });
  };
  for (const [i, j] of pairs) {
    alone(i, j);
    groups.push({ removed: [i], added: [j] });
    nextRemoved = i + 1;
    nextAdded = j + 1;
  }
  alone(removed.length, added.length);
  return groups;
}
