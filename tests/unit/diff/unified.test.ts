import { readFileSync } from 'node:fs';
import { parse } from 'diff2html';
import { describe, expect, it } from 'vitest';
import {
  MAX_DIFF_LINE_LENGTH,
  MAX_DIFF_TEXT_LENGTH,
  countWords,
  diffStats,
  versionsToUnifiedDiff,
} from '../../../src/lib/diff/unified';

const version = (name: string) =>
  readFileSync(new URL(`../../fixtures/diff/chatgpt-vulnerability-disclosure-policy/${name}.md`, import.meta.url), 'utf8');
const FILE = 'ChatGPT/Vulnerability Disclosure Policy.md';

describe('unified diffs', () => {
  it('diffs two real versions into a patch diff2html reads with the same line counts', () => {
    const diff = versionsToUnifiedDiff(version('2-e44bdfd'), version('3-13b4c8e'), { fileLabel: FILE });
    expect(diff.status).toBe('changed');
    if (diff.status !== 'changed') return;
    expect(diff.stats).toEqual({ linesAdded: 3, linesRemoved: 3 });
    expect(diffStats(version('2-e44bdfd'), version('3-13b4c8e'))).toEqual({ linesAdded: 3, linesRemoved: 3, wordsAdded: 15, wordsRemoved: 4 });
    const [file, ...others] = parse(diff.patch);
    expect(others).toEqual([]);
    expect([file!.newName, file!.addedLines, file!.deletedLines]).toEqual([FILE, 3, 3]);
    expect(file!.blocks.map((block) => block.header)).toEqual(['@@ -1,4 +1,4 @@', '@@ -8,9 +8,9 @@']);
  });

  it('keeps real line numbers when the change sits deep inside a long text', () => {
    const padding = 'Unchanged line.\n'.repeat(1000);
    const diff = versionsToUnifiedDiff(padding + version('3-13b4c8e'), padding + version('4-951cbac'), {
      fileLabel: FILE,
      context: 1,
    });
    expect(diff.status === 'changed' && diff.patch.split('\n').slice(2)).toEqual([
      `--- ${FILE}`,
      `+++ ${FILE}`,
      '@@ -1000,3 +1000,3 @@',
      ' Unchanged line.',
      '-Updated: March 25, 2026',
      '+Updated: 25 March 2026',
      ' ',
      '',
    ]);
  });

  it('marks a missing final newline in the patch', () => {
    const diff = versionsToUnifiedDiff('a\nb\n', 'a\nb', { fileLabel: 'x.md' });
    expect(diff.status === 'changed' && diff.patch.split('\n').slice(4)).toEqual([
      '@@ -1,2 +1,2 @@',
      ' a',
      '-b',
      '+b',
      '\\ No newline at end of file',
      '',
    ]);
  });

  it('returns an empty patch and zero stats for identical versions', () => {
    const text = version('1-d0d0dc5');
    expect(versionsToUnifiedDiff(text, text, { fileLabel: FILE })).toEqual({
      status: 'identical',
      patch: '',
      stats: { linesAdded: 0, linesRemoved: 0 },
    });
  });

  it('flags a version with a NUL byte as binary', () => {
    expect(versionsToUnifiedDiff('%PDF-1.7\0\0', 'text', { fileLabel: FILE })).toEqual({ status: 'binary' });
    expect(diffStats('text', 'te\0xt')).toBeNull();
  });

  it('flags versions over the size limit as too large', () => {
    const huge = 'a'.repeat(MAX_DIFF_TEXT_LENGTH / 2) + '\n' + 'b'.repeat(MAX_DIFF_TEXT_LENGTH / 2);
    expect(versionsToUnifiedDiff('short', huge, { fileLabel: FILE })).toEqual({
      status: 'too-large',
      reason: `A version has ${MAX_DIFF_TEXT_LENGTH + 1} characters; diffs are computed up to ${MAX_DIFF_TEXT_LENGTH}.`,
    });
  });

  it('flags a version with a line over the line limit as too large', () => {
    const line = 'x'.repeat(MAX_DIFF_LINE_LENGTH + 1);
    expect(versionsToUnifiedDiff('short', `title\n${line}\n`, { fileLabel: FILE })).toEqual({
      status: 'too-large',
      reason: `A version has a line of ${MAX_DIFF_LINE_LENGTH + 1} characters; diffs are computed for lines up to ${MAX_DIFF_LINE_LENGTH}.`,
    });
  });

  it('gives up quickly on two wholly different long texts', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `clause ${i} before`).join('\n');
    const after = Array.from({ length: 20_000 }, (_, i) => `clause ${i} after`).join('\n');
    expect(versionsToUnifiedDiff(before, after, { fileLabel: FILE })).toEqual({
      status: 'too-large',
      reason: 'The versions differ in more than 10000 lines; compare them side by side instead.',
    });
  });
});

describe('diff stats', () => {
  it('counts one changed word in a long paragraph as one word removed and one added', () => {
    const paragraph = 'The OpenAI Bug Bounty Program is a way for us to recognize and reward researchers. '.repeat(40);
    expect(diffStats(`Title\n\n${paragraph}Team.\n`, `Title\n\n${paragraph}Business.\n`)).toEqual({
      linesAdded: 1,
      linesRemoved: 1,
      wordsAdded: 1,
      wordsRemoved: 1,
    });
  });

  it('counts the words of a real change: a new date and a new three-word heading over a 59-word paragraph', () => {
    expect(diffStats(version('1-d0d0dc5'), version('2-e44bdfd'))).toEqual({
      linesAdded: 7,
      linesRemoved: 2,
      wordsAdded: 64,
      wordsRemoved: 2,
    });
  });

  it('counts words as runs of letters and digits, leaving out link targets', () => {
    expect(countWords('Section 4.2 — don’t e-mail “Customer” (2026-07-08) at [support@x.ai](mailto:support@x.ai).')).toBe(9);
  });
});
