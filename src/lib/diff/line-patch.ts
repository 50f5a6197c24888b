/**
 * The line patch of two lists of lines, in the shape jsdiff's `formatPatch` writes (StructuredPatch):
 * a Myers diff (@jest/diff-sequences) over line numbers in typed arrays, where jsdiff's own line diff
 * builds an object per edit and took a quarter of a cold build. Its work is bounded by a count of line
 * comparisons rather than a clock, so a pair gets the same answer on every machine and every run.
 */
import diffSequences from '@jest/diff-sequences';
import type { StructuredPatch, StructuredPatchHunk } from 'diff';

const OVER_BUDGET = Symbol('over budget');

/** Where the two lists share a run of `length` lines: from `before[a]` and `after[b]`. */
interface CommonRun {
  a: number;
  b: number;
  length: number;
}

/** The two lists with equal strings as equal numbers, so that each comparison of a diff is one integer test. */
export function numberTokens(before: readonly string[], after: readonly string[]): [Int32Array, Int32Array] {
  const numbers = new Map<string, number>();
  const numberOf = (token: string) => {
    let number = numbers.get(token);
    if (number === undefined) numbers.set(token, (number = numbers.size));
    return number;
  };
  return [Int32Array.from(before, numberOf), Int32Array.from(after, numberOf)];
}

/**
 * Which lines of each list a shortest diff changes (1) or keeps (0), stored from index 1 with a kept
 * line on each side; null past the budget.
 */
function changedLines(a: Int32Array, b: Int32Array, maxComparisons: number): [Uint8Array, Uint8Array] | null {
  const changedA = new Uint8Array(a.length + 2).fill(1, 1, a.length + 1);
  const changedB = new Uint8Array(b.length + 2).fill(1, 1, b.length + 1);
  let comparisons = 0;
  try {
    diffSequences(
      a.length,
      b.length,
      (i, j) => {
        comparisons += 1;
        if (comparisons > maxComparisons) throw OVER_BUDGET;
        return a[i] === b[j];
      },
      (length, i, j) => {
        changedA.fill(0, i + 1, i + 1 + length);
        changedB.fill(0, j + 1, j + 1 + length);
      },
    );
  } catch (error) {
    if (error === OVER_BUDGET) return null;
    throw error;
  }
  return [changedA, changedB];
}

/**
 * Slides each run of changed lines of one list, where the lines at its ends allow, to merge it with
 * the runs next to it and to line it up with a run changed in the other list: among the shortest
 * diffs, the one a reader expects (GNU diff's boundary shifting). Without it, a paragraph followed
 * by a blank line and more text could show as removed and added again, its words counted as changed.
 */
function shiftBoundaries(lines: Int32Array, changed: Uint8Array, otherChanged: Uint8Array): void {
  const end = lines.length + 1;
  const same = (x: number, y: number) => lines[x - 1] === lines[y - 1];
  let i = 1;
  let j = 1;
  for (;;) {
    while (i < end && !changed[i]) {
      while (otherChanged[j++]);
      i += 1;
    }
    if (i === end) return;
    let start = i;
    while (changed[++i]);
    while (otherChanged[j]) j += 1;
    let runLength: number;
    let corresponding: number;
    do {
      runLength = i - start;
      while (start > 1 && same(start - 1, i - 1)) {
        changed[--start] = 1;
        changed[--i] = 0;
        while (changed[start - 1]) start -= 1;
        while (otherChanged[--j]);
      }
      corresponding = otherChanged[j - 1] ? i : end;
      while (i !== end && same(start, i)) {
        changed[start++] = 0;
        changed[i++] = 1;
        while (changed[i]) i += 1;
        while (otherChanged[++j]) corresponding = i;
      }
    } while (runLength !== i - start);
    while (corresponding < i) {
      changed[--start] = 1;
      changed[--i] = 0;
      while (otherChanged[--j]);
    }
  }
}

/** The runs of kept lines, in order, ending with an empty run at both ends. */
function keptRuns(changedA: Uint8Array, changedB: Uint8Array): CommonRun[] {
  const endA = changedA.length - 2;
  const endB = changedB.length - 2;
  const runs: CommonRun[] = [];
  let a = 0;
  let b = 0;
  while (a < endA || b < endB) {
    while (a < endA && changedA[a + 1]) a += 1;
    while (b < endB && changedB[b + 1]) b += 1;
    let length = 0;
    while (a + length < endA && b + length < endB && !changedA[a + length + 1] && !changedB[b + length + 1]) length += 1;
    if (length) runs.push({ a, b, length });
    else if (a < endA || b < endB) throw new Error('The kept lines of two lists do not pair up.');
    a += length;
    b += length;
  }
  runs.push({ a: endA, b: endB, length: 0 });
  return runs;
}

/** The runs the two lists share, in order, ending with an empty run at both ends; null past the budget. */
function commonRuns(before: readonly string[], after: readonly string[], maxComparisons: number): CommonRun[] | null {
  const [a, b] = numberTokens(before, after);
  const changed = changedLines(a, b, maxComparisons);
  if (!changed) return null;
  const [changedA, changedB] = changed;
  shiftBoundaries(a, changedA, changedB);
  shiftBoundaries(b, changedB, changedA);
  return keptRuns(changedA, changedB);
}

// Hunk lines carry no line terminator; a line without one (the last of a text) is followed by
// the marker unified diffs use for it.
function withoutTerminators(lines: string[]): string[] {
  const result: string[] = [];
  for (const line of lines) {
    if (line.endsWith('\n')) result.push(line.slice(0, -1));
    else result.push(line, '\\ No newline at end of file');
  }
  return result;
}

/**
 * The patch from `before` to `after` (lines with their terminators), with `context` unchanged lines
 * around each change; hunks whose context would meet are one hunk. Undefined when the diff would
 * take more than `maxComparisons` line comparisons.
 */
export function linePatchOf(
  fileLabel: string,
  before: readonly string[],
  after: readonly string[],
  { context, maxComparisons }: { context: number; maxComparisons: number },
): StructuredPatch | undefined {
  const runs = commonRuns(before, after, maxComparisons);
  if (!runs) return undefined;
  const hunks: StructuredPatchHunk[] = [];
  let hunk: StructuredPatchHunk | null = null;
  let oldAt = 0;
  let newAt = 0;
  let commonBefore = 0;
  for (const [index, run] of runs.entries()) {
    if (run.a > oldAt || run.b > newAt) {
      if (!hunk) {
        const lead = Math.min(context, commonBefore);
        hunk = { oldStart: oldAt - lead + 1, oldLines: lead, newStart: newAt - lead + 1, newLines: lead, lines: [] };
        for (let i = oldAt - lead; i < oldAt; i += 1) hunk.lines.push(` ${before[i]}`);
      }
      for (let i = oldAt; i < run.a; i += 1) hunk.lines.push(`-${before[i]}`);
      for (let j = newAt; j < run.b; j += 1) hunk.lines.push(`+${after[j]}`);
      hunk.oldLines += run.a - oldAt;
      hunk.newLines += run.b - newAt;
    }
    if (hunk) {
      const next = runs[index + 1];
      const changeFollows = next !== undefined && (next.a > run.a + run.length || next.b > run.b + run.length);
      const shown = changeFollows && run.length <= 2 * context ? run.length : Math.min(run.length, context);
      for (let i = run.a; i < run.a + shown; i += 1) hunk.lines.push(` ${before[i]}`);
      hunk.oldLines += shown;
      hunk.newLines += shown;
      if (shown < run.length || !changeFollows) {
        hunks.push({ ...hunk, lines: withoutTerminators(hunk.lines) });
        hunk = null;
      }
    }
    oldAt = run.a + run.length;
    newAt = run.b + run.length;
    commonBefore = run.length;
  }
  return { oldFileName: fileLabel, newFileName: fileLabel, oldHeader: undefined, newHeader: undefined, hunks };
}
