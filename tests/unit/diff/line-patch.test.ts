import { applyPatch, formatPatch, structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { linePatchOf } from '../../../src/lib/diff/line-patch';
import { seededRandom } from '../../../src/lib/random';

const lines = (text: string) => text.split(/(?<=\n)/).filter(Boolean);
const patchOf = (before: string, after: string, context = 3, maxComparisons = 1_000_000) =>
  linePatchOf('x.md', lines(before), lines(after), { context, maxComparisons });

describe('line patches', () => {
  it('writes the hunks a unified diff has: context around each change, close changes in one hunk', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nK\nl\nm\n';
    expect(patchOf(before, after, 1)!.hunks).toEqual([
      { oldStart: 1, oldLines: 3, newStart: 1, newLines: 3, lines: [' a', '-b', '+B', ' c'] },
      { oldStart: 10, oldLines: 3, newStart: 10, newLines: 3, lines: [' j', '-k', '+K', ' l'] },
    ]);
    expect(patchOf(before, after, 4)!.hunks).toHaveLength(1);
  });

  it('matches the hunks of jsdiff where only one alignment is shortest', () => {
    const before = 'Title\n\nFirst clause.\nSecond clause.\nThird clause.\n';
    const after = 'Title\n\nFirst clause.\nA new clause.\nSecond clause.\nThird clause, amended.\n';
    const expected = structuredPatch('x.md', 'x.md', before, after, undefined, undefined, { context: 3 });
    expect(formatPatch(patchOf(before, after)!)).toBe(formatPatch(expected));
  });

  it('shows an insertion with no context where unified diffs put it', () => {
    expect(formatPatch(patchOf('a\nb\n', 'a\nnew\nb\n', 0)!).split('\n').slice(4)).toEqual(['@@ -1,0 +2,1 @@', '+new', '']);
  });

  it('marks the last line of a text that has no newline', () => {
    expect(patchOf('a\nb\n', 'a\nb')!.hunks[0]!.lines).toEqual([' a', '-b', '+b', '\\ No newline at end of file']);
  });

  it('gives patches that turn each text into the other, for random edits of random texts', () => {
    const random = seededRandom(7);
    const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
    const vocabulary = ['', 'Terms', 'We may', 'change these terms.', 'You agree.', '## 4. Data', 'See [policy](/p).'];
    for (let round = 0; round < 200; round += 1) {
      const before = Array.from({ length: Math.floor(random() * 40) }, () => `${pick(vocabulary)}\n`);
      const after = before.flatMap((line) => {
        const roll = random();
        if (roll < 0.1) return [];
        if (roll < 0.2) return [`${pick(vocabulary)}\n`];
        if (roll < 0.3) return [line, `${pick(vocabulary)}\n`];
        return [line];
      });
      const [beforeText, afterText] = [before.join(''), after.join('')];
      const patch = linePatchOf('x.md', before, after, { context: Math.floor(random() * 4), maxComparisons: 1_000_000 })!;
      expect(applyPatch(beforeText, formatPatch(patch))).toBe(afterText);
    }
  });

  it('gives up once the diff would take more line comparisons than allowed', () => {
    const before = Array.from({ length: 200 }, (_, i) => `clause ${i}\n`);
    const reversed = [...before].reverse();
    expect(linePatchOf('x.md', before, reversed, { context: 3, maxComparisons: 1_000 })).toBeUndefined();
    expect(linePatchOf('x.md', before, reversed, { context: 3, maxComparisons: 10_000_000 })).toBeDefined();
  });
});
