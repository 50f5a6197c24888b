import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeclarationError } from '../../../src/lib/errors';
import { loadTopics, parseTopics, phraseToRegExp } from '../../../src/lib/topics/load';
import { makeTempDir } from '../../helpers/temp-dir';

const TOPICS_FILE = join(import.meta.dirname, '../../../content/topics.yml');

const topic = (rules: string) => `topics:
  - id: arbitration
    title: Arbitration
    group: unfair-terms
    description: Disputes go to an arbitrator.
    threshold: 2
    rules:
${rules}`;

describe('loadTopics', () => {
  it('loads the shipped taxonomy with the CLAUDETTE, privacy and AI topics', () => {
    const topics = loadTopics(TOPICS_FILE);
    expect(topics.map((t) => t.id)).toEqual([
      'arbitration',
      'unilateral-change',
      'content-removal',
      'jurisdiction',
      'choice-of-law',
      'limitation-of-liability',
      'unilateral-termination',
      'contract-by-using',
      'privacy-included',
      'first-party-collection',
      'third-party-sharing',
      'data-retention',
      'user-access-deletion',
      'children',
      'policy-change-notice',
      'training-on-user-content',
      'feedback',
      'output-ownership',
      'human-review',
      'prohibited-uses',
    ]);
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadTopics('/nonexistent/topics.yml')).toThrow(/^Cannot read the topics file \/nonexistent\/topics\.yml: /);
  });

  it('reads a file from disk', () => {
    const path = join(makeTempDir('topics-'), 'topics.yml');
    writeFileSync(path, topic('      - { phrase: binding arbitration, weight: 2 }\n'));
    expect(loadTopics(path)[0]!.rules.map((rule) => [rule.label, rule.in, rule.weight])).toEqual([
      ['binding arbitration', 'any', 2],
    ]);
  });
});

describe('parseTopics', () => {
  it('names the file, the topic and the field of an invalid regular expression', () => {
    expect(() => parseTopics(topic("      - { pattern: 'arbitra(tion', weight: 2 }\n"), 'content/topics.yml')).toThrow(
      new DeclarationError(
        'Invalid topics file content/topics.yml: field "topics[arbitration].rules.0.pattern" is not a valid JavaScript regular expression.',
      ),
    );
  });

  it('rejects a rule with both a phrase and a pattern', () => {
    expect(() => parseTopics(topic("      - { phrase: a, pattern: 'b', weight: 1 }\n"), 'x.yml')).toThrow(
      'Invalid topics file x.yml: field "topics[arbitration].rules.0" must have exactly one of "phrase" and "pattern".',
    );
  });

  it('rejects a repeated topic id', () => {
    const text = topic('      - { phrase: a, weight: 1 }\n');
    const twice = `${text}${text.replace('topics:\n', '')}`;
    expect(() => parseTopics(twice, 'x.yml')).toThrow('Invalid topics file x.yml: field "topics[arbitration].id" repeats the id "arbitration".');
  });

  it('reports malformed YAML with the file name', () => {
    expect(() => parseTopics('topics: [', 'x.yml')).toThrow(/^Malformed YAML in x\.yml: /);
  });
});

describe('phraseToRegExp', () => {
  it('matches whole words case-insensitively across any spacing', () => {
    const regex = phraseToRegExp('class action');
    expect(regex.test('No CLASS\n  ACTION claims.')).toBe(true);
    expect(regex.test('subclass actions')).toBe(false);
  });

  it('escapes characters that are special in regular expressions', () => {
    expect(phraseToRegExp('F.A.Q. (help)').test('see the f.a.q. (help) page')).toBe(true);
    expect(phraseToRegExp('F.A.Q.').test('FxAxQx')).toBe(false);
  });
});
