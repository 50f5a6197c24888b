import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countSentence, countsToScores, parseClaudetteTags, type TopicCounts } from '../../../src/lib/topics/evaluate';

const FIXTURE = join(import.meta.dirname, '../../fixtures/claudette/tags/Pinterest.txt');

describe('parseClaudetteTags', () => {
  it('counts degree 2 and 3 as positive and degree 1 as fair, mapping letters to topic ids', () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const labels = parseClaudetteTags(lines[3]!);
    expect([...labels.positive]).toEqual(['jurisdiction', 'choice-of-law']);
    expect([...parseClaudetteTags(lines[4]!).fair]).toEqual(['jurisdiction', 'choice-of-law']);
    expect(parseClaudetteTags(lines[0]!)).toEqual({ positive: new Set(), fair: new Set() });
  });

  it('ignores tags of other categories', () => {
    expect([...parseClaudetteTags('countrym a2').positive]).toEqual(['arbitration']);
  });
});

describe('countSentence and countsToScores', () => {
  it('counts true and false positives, misses, and false positives on fair-tagged sentences', () => {
    const empty = (): TopicCounts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0, fairFalsePositives: 0 });
    const counts = new Map([['jurisdiction', empty()], ['choice-of-law', empty()]]);
    countSentence(counts, new Set(['jurisdiction']), parseClaudetteTags('j3 law2'));
    countSentence(counts, new Set(['jurisdiction']), parseClaudetteTags('j1'));
    countSentence(counts, new Set(), parseClaudetteTags(''));
    expect(Object.fromEntries(counts)).toEqual({
      jurisdiction: { truePositives: 1, falsePositives: 1, falseNegatives: 0, fairFalsePositives: 1 },
      'choice-of-law': { truePositives: 0, falsePositives: 0, falseNegatives: 1, fairFalsePositives: 0 },
    });
    expect(countsToScores(counts.get('jurisdiction')!)).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(countsToScores(counts.get('choice-of-law')!)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
