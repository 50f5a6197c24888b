import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopics, parseTopics } from '../../../src/lib/topics/load';
import { applyTopicOverrides, markdownToPlainText, tagProvision } from '../../../src/lib/topics/tag';

const topics = loadTopics(join(import.meta.dirname, '../../../content/topics.yml'));
const topicsOf = (heading: string, body: string) => tagProvision({ heading, body }, topics).map((tag) => tag.topic);

const toy = parseTopics(
  `topics:
  - id: feedback
    title: Feedback
    group: ai
    description: Feedback.
    threshold: 2
    rules:
      - { phrase: feedback, in: heading, weight: 2 }
      - { phrase: feedback, in: body, weight: 1 }
      - { pattern: '\\bsuggestions?\\b', weight: 1 }
      - { phrase: no feedback, weight: -3 }
`,
  'toy.yml',
);

describe('tagProvision', () => {
  it('adds the weights of the matching rules and keeps the topic at its threshold', () => {
    expect(tagProvision({ heading: 'Feedback', body: 'Thanks.' }, toy)).toEqual([
      { topic: 'feedback', score: 2, matched: ['feedback (heading)'] },
    ]);
    expect(tagProvision({ heading: 'Ideas', body: 'Your feedback and suggestions.' }, toy)).toEqual([
      { topic: 'feedback', score: 2, matched: ['feedback', '\\bsuggestions?\\b'] },
    ]);
  });

  it('leaves out a topic below its threshold and counts a rule once however often it matches', () => {
    expect(tagProvision({ heading: 'Ideas', body: 'feedback, feedback, feedback' }, toy)).toEqual([]);
  });

  it('lets a negative weight cancel look-alike wording', () => {
    expect(tagProvision({ heading: 'Feedback', body: 'We want no feedback.' }, toy)).toEqual([]);
  });

  it('matches plain text, not link targets or emphasis markers', () => {
    expect(tagProvision({ heading: 'Help', body: 'See [our page](https://x.com/feedback-suggestions).' }, toy)).toEqual([]);
    expect(tagProvision({ heading: '**Feed**back', body: '' }, toy).map((tag) => tag.topic)).toEqual(['feedback']);
  });

  it('finds the topics of real clauses', () => {
    const sentences = readFileSync(join(import.meta.dirname, '../../fixtures/claudette/sentences/Pinterest.txt'), 'utf8').split('\n');
    expect(topicsOf('', sentences[2]!)).toEqual(['choice-of-law']);
    expect(topicsOf('', sentences[6]!)).toEqual([]);
    expect(topicsOf('', sentences[15]!)).toContain('unilateral-change');
    expect(topicsOf('', sentences[17]!)).toContain('contract-by-using');
  });

  it('finds the AI topics of a training clause and of a feedback clause', () => {
    expect(
      topicsOf('How we use your data', 'We may use your conversations to train and improve our models. You can opt out in settings.'),
    ).toContain('training-on-user-content');
    expect(topicsOf('5. Feedback', 'We appreciate feedback. We may use it without compensation to you.')).toContain('feedback');
  });
});

describe('applyTopicOverrides', () => {
  const tags = [
    { topic: 'feedback', score: 3, matched: ['feedback'] },
    { topic: 'prohibited-uses', score: 3, matched: ['do not'] },
  ];

  it('keeps the tagger result when an analysis states no topics', () => {
    expect(applyTopicOverrides(tags, undefined)).toBe(tags);
  });

  it('uses exactly the stated topics, with the tagger evidence where it agrees', () => {
    expect(applyTopicOverrides(tags, ['training-on-user-content', 'feedback'])).toEqual([
      { topic: 'training-on-user-content', score: 0, matched: [] },
      { topic: 'feedback', score: 3, matched: ['feedback'] },
    ]);
  });

  it('rejects an unknown topic id when given the taxonomy', () => {
    expect(() => applyTopicOverrides(tags, ['feedbacks'], toy)).toThrow(
      'Unknown topic "feedbacks" in a topics override. Use one of the ids in content/topics.yml: feedback.',
    );
  });
});

describe('markdownToPlainText', () => {
  it('keeps link text, drops targets, escapes and emphasis, and straightens quotes', () => {
    expect(markdownToPlainText('**7\\. Apps** see [Terms⁠](https://x.com) and “Outputs” we’ll')).toBe(
      '7. Apps see Terms⁠ and "Outputs" we\'ll',
    );
  });
});
