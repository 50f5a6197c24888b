import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAIRED_LINE_SIMILARITY, SHORT_LINE_LENGTH, lineSimilarity, pairChangedLines, type LineGroup } from '../../../src/lib/diff/line-pairing';
import { renderPatch } from '../../../src/scripts/diff-html';
import { versionsToUnifiedDiff } from '../../../src/lib/diff/unified';

const version = (name: string) =>
  readFileSync(new URL(`../../fixtures/diff/chatgpt-vulnerability-disclosure-policy/${name}.md`, import.meta.url), 'utf8');

// Paragraphs past SHORT_LINE_LENGTH, as policy paragraphs are: only similar ones pair.
const paragraph = (sentence: string) => [sentence, sentence, sentence].join(' ');
const edited = paragraph('OpenAI invites security researchers to report vulnerabilities through our Bugcrowd program.');
const edit = edited.replace('our Bugcrowd', 'our new Bugcrowd');
const unrelated = paragraph('Fees are payable in advance and are not refundable except where the law requires it.');
const fresh = paragraph('You may opt out of arbitration by writing to us within thirty days of accepting.');

// Every line of both sides appears once, in order: the groups rebuild the block.
function expectInOrder(groups: LineGroup[], removed: number, added: number) {
  expect(groups.flatMap((group) => group.removed)).toEqual([...Array(removed).keys()]);
  expect(groups.flatMap((group) => group.added)).toEqual([...Array(added).keys()]);
  for (const group of groups) expect(group.removed.length === 1 && group.added.length === 1 || !group.removed.length || !group.added.length).toBe(true);
}

describe('pairing the lines of a changed block', () => {
  it('measures the words two lines share', () => {
    expect(lineSimilarity(edited, edit)).toBeGreaterThan(0.9);
    expect(lineSimilarity(edited, unrelated)).toBeLessThan(PAIRED_LINE_SIMILARITY);
    expect(lineSimilarity('---', '***')).toBe(1);
    expect(lineSimilarity('---', unrelated)).toBe(0);
  });

  it('pairs short lines whatever their words, such as a new date', () => {
    expect(pairChangedLines(['Updated: November 20, 2025', 'Cookies'], ['Updated: March 25, 2026', 'Arbitration'])).toEqual([
      { removed: [0], added: [0] },
      { removed: [1], added: [1] },
    ]);
    expect(unrelated.length).toBeGreaterThan(SHORT_LINE_LENGTH);
  });

  it('pairs an edited line with its edit and leaves a rewritten paragraph and a new one alone', () => {
    const groups = pairChangedLines([unrelated, edited], [edit, fresh]);
    expect(groups).toEqual([
      { removed: [0], added: [] },
      { removed: [1], added: [0] },
      { removed: [], added: [1] },
    ]);
  });

  it('finds a pair past lines inserted before it', () => {
    const groups = pairChangedLines([edited], [fresh, unrelated, edit]);
    expect(groups).toEqual([
      { removed: [], added: [0, 1] },
      { removed: [0], added: [2] },
    ]);
  });

  it('keeps both orders when the most similar pairs would cross', () => {
    const first = paragraph('Section one covers the data we collect from your devices and browsers.');
    const second = paragraph('Section two covers how long we keep the data and when we delete it.');
    const groups = pairChangedLines([first, second], [second.replace('keep', 'retain'), first.replace('collect', 'gather')]);
    expectInOrder(groups, 2, 2);
    expect(groups.filter((group) => group.removed.length && group.added.length)).toHaveLength(1);
  });

  it('pairs lines in place in a block too large to align', () => {
    const removed = Array.from({ length: 60 }, (_, i) => paragraph(`Clause ${i} of the old terms says something about topic ${i} and what follows from it.`));
    const added = removed.map((line, i) => (i % 2 ? line.replace('old', 'new') : paragraph(`A rewritten clause number ${i * 7} on another matter, worded from scratch by lawyers.`)));
    expect(added.every((line) => line.length > SHORT_LINE_LENGTH)).toBe(true);
    const groups = pairChangedLines(removed, added);
    expectInOrder(groups, 60, 60);
    const pairs = groups.filter((group) => group.removed.length && group.added.length);
    expect(pairs.map((group) => group.removed[0])).toEqual(removed.map((_, i) => i).filter((i) => i % 2));
    expect(pairs.every((group) => group.removed[0] === group.added[0])).toBe(true);
  });
});

describe('diffs rendered with paired lines', () => {
  const patchOf = (before: string, after: string) => {
    const diff = versionsToUnifiedDiff(before, after, { fileLabel: 'x.md' });
    if (diff.status !== 'changed') throw new Error(`expected a diff, got ${diff.status}`);
    return diff.patch;
  };

  it('marks the changed words of a paired line and none in a rewritten one, in both layouts', () => {
    const patch = patchOf(`Title\n${unrelated}\n${edited}\nEnd\n`, `Title\n${fresh}\n${edit}\nEnd\n`);
    for (const layout of ['side-by-side', 'line-by-line'] as const) {
      const html = renderPatch(patch, layout);
      expect(html.match(/<ins>[^<]*<\/ins>/g)).toEqual(['<ins>new </ins>']);
      expect(html).not.toContain('<del>');
      expect(html).toContain('Fees are payable');
      expect(html).toContain('You may opt out');
    }
  });

  it('marks the moved words of a real change of date format', () => {
    const html = renderPatch(patchOf(version('3-13b4c8e'), version('4-951cbac')), 'side-by-side');
    expect(html.match(/<(ins|del)>[^<]*<\/\1>/g)).toEqual(['<del>March </del>', '<del>,</del>', '<ins>March </ins>']);
  });
});
