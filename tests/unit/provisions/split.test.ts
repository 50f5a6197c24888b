import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitProvisions } from '../../../src/lib/provisions/split';

const FIXTURES = join(import.meta.dirname, '../../fixtures/provisions');
const fixture = (document: string, version: string) => readFileSync(join(FIXTURES, document, `${version}.md`), 'utf8');

describe('splitProvisions', () => {
  it('gives back every recorded version when the text of its provisions is joined', () => {
    for (const document of ['chatgpt-terms-of-service', 'grok-acceptable-use-policy']) {
      for (const file of readdirSync(join(FIXTURES, document))) {
        const text = readFileSync(join(FIXTURES, document, file), 'utf8');
        expect(splitProvisions(text).map((provision) => provision.text).join('')).toBe(text);
      }
    }
  });

  it('cuts a real document at its setext headings and records the enclosing headings as path', () => {
    const provisions = splitProvisions(fixture('chatgpt-terms-of-service', '20251217233000'));
    expect(provisions).toHaveLength(25);
    const apps = provisions.find((provision) => provision.slug === 'apps-and-actions')!;
    expect({ ...apps, body: apps.body.slice(0, 40), text: undefined }).toEqual({
      slug: 'apps-and-actions',
      heading: '7. Apps and Actions',
      level: 2,
      path: ['Service terms'],
      body: '(a) **Overview**. Apps and Actions (toge',
      text: undefined,
      startLine: 283,
      endLine: 289,
    });
    expect(apps.text.startsWith('7\\. Apps and Actions\n--------------------\n\n(a) **Overview**.')).toBe(true);
  });

  it('keeps the text before the first heading as the preamble', () => {
    const provisions = splitProvisions('Last updated: May 1\n\n# Terms\n\nHello.\n\n## Fees\n\nPay.\n');
    expect(provisions.map(({ slug, heading, level, path, body, startLine, endLine }) => ({ slug, heading, level, path, body, startLine, endLine }))).toEqual([
      { slug: 'preamble', heading: '', level: 0, path: [], body: 'Last updated: May 1', startLine: 1, endLine: 2 },
      { slug: 'terms', heading: 'Terms', level: 1, path: [], body: 'Hello.', startLine: 3, endLine: 6 },
      { slug: 'fees', heading: 'Fees', level: 2, path: ['Terms'], body: 'Pay.', startLine: 7, endLine: 9 },
    ]);
  });

  it('gives blank lines before the first heading to that heading, not to an empty preamble', () => {
    const provisions = splitProvisions('\n\nTerms\n=====\n\nHello.\n\nFees\n----\nPay.');
    expect(provisions.map((provision) => [provision.slug, provision.startLine, provision.endLine])).toEqual([
      ['terms', 1, 7],
      ['fees', 8, 10],
    ]);
    expect(provisions[1]!.text).toBe('Fees\n----\nPay.');
  });

  it('keeps Windows line endings and still gives back the document', () => {
    const text = '# One\r\nA.\r\n\r\n# Two\r\nB.\r\n';
    const provisions = splitProvisions(text);
    expect(provisions.map((provision) => provision.text)).toEqual(['# One\r\nA.\r\n\r\n', '# Two\r\nB.\r\n']);
  });

  it('gives repeated headings distinct slugs and never gives a heading the preamble slug', () => {
    const text = 'Intro.\n\n# Preamble\n\n# Definitions\n\nA.\n\n# Definitions\n\nB.\n';
    expect(splitProvisions(text).map((provision) => provision.slug)).toEqual([
      'preamble',
      'preamble-2',
      'definitions',
      'definitions-2',
    ]);
  });

  it('ignores headings inside lists and quotes', () => {
    const text = '# Terms\n\n- item\n\n  ## Not a provision\n\n> ## Quoted\n\n# Fees\n';
    expect(splitProvisions(text).map((provision) => provision.heading)).toEqual(['Terms', 'Fees']);
  });

  it('cuts a document without headings at numbered clauses, nesting 2.1 under 2', () => {
    const text = 'Terms of Use\n\n1. Scope. These terms apply.\n\n2\\. Fees. You pay.\n\n2.1. Refunds. None.\n\nSection 3 Law. Irish law.\n';
    const provisions = splitProvisions(text);
    expect(provisions.map(({ slug, heading, level, path }) => ({ slug, heading, level, path }))).toEqual([
      { slug: 'preamble', heading: '', level: 0, path: [] },
      { slug: 'scope', heading: '1. Scope.', level: 1, path: [] },
      { slug: 'fees', heading: '2. Fees.', level: 1, path: [] },
      { slug: 'refunds', heading: '2.1. Refunds.', level: 2, path: ['2. Fees.'] },
      { slug: 'law', heading: 'Section 3 Law.', level: 1, path: [] },
    ]);
    expect(provisions[1]!.body).toBe('1. Scope. These terms apply.');
  });

  it('labels a long numbered clause with its first twelve words', () => {
    const text = '1. With respect to Company data the parties agree that the Company is the controller of it.\n';
    expect(splitProvisions(text)[0]!.heading).toBe('1. With respect to Company data the parties agree that the Company…');
  });

  it('cuts a document without headings at bold lead-ins and at list items that start with one', () => {
    const text = 'Intro.\n\n**Eligibility.** You must be 18.\n\n*   **Your Commitments**\n    \n    Be nice.\n\n*   **Disputes**\n\n    Courts of Ireland.\n';
    expect(splitProvisions(text).map(({ slug, heading, startLine, endLine }) => ({ slug, heading, startLine, endLine }))).toEqual([
      { slug: 'preamble', heading: '', startLine: 1, endLine: 2 },
      { slug: 'eligibility', heading: 'Eligibility', startLine: 3, endLine: 4 },
      { slug: 'your-commitments', heading: 'Your Commitments', startLine: 5, endLine: 8 },
      { slug: 'disputes', heading: 'Disputes', startLine: 9, endLine: 11 },
    ]);
  });

  it('uses a lone title heading when a document has neither other headings nor clauses', () => {
    const text = 'Policy\n======\n\nJust prose.\n';
    expect(splitProvisions(text).map(({ slug, level, body }) => ({ slug, level, body }))).toEqual([
      { slug: 'policy', level: 1, body: 'Just prose.' },
    ]);
  });

  it('returns no provision for an empty document', () => {
    expect(splitProvisions('')).toEqual([]);
  });
});
