import { describe, expect, it } from 'vitest';
import { headingToSlug, normalizeHeading, uniqueSlug } from '../../../src/lib/provisions/heading';

describe('normalizeHeading', () => {
  it('drops numbering, case, curly quotes and punctuation so a renumbered heading stays the same', () => {
    expect(normalizeHeading('3. Use of our Services.')).toBe('use of our services');
    expect(normalizeHeading('10 Use of Our Services')).toBe('use of our services');
    expect(normalizeHeading('IV. Meta’s Rights')).toBe("meta's rights");
    expect(normalizeHeading('Section 12 - Governing law')).toBe('governing law');
    expect(normalizeHeading('(b) Fees')).toBe('fees');
  });

  it('keeps a heading that is only words', () => {
    expect(normalizeHeading('Apps and Actions')).toBe('apps and actions');
  });
});

describe('headingToSlug', () => {
  it('makes an anchor-safe slug without the numbering', () => {
    expect(headingToSlug('7. Apps and Actions')).toBe('apps-and-actions');
    expect(headingToSlug('IV. Meta’s Rights')).toBe('metas-rights');
  });

  it('cuts a long heading at a word boundary within 60 characters and drops a trailing small word', () => {
    const slug = headingToSlug('11. Disclaimer of warranties, limitations of liability, and indemnity');
    expect(slug).toBe('disclaimer-of-warranties-limitations-of-liability');
  });

  it('falls back to "section" when the heading is only a number', () => {
    expect(headingToSlug('12.')).toBe('section');
  });
});

describe('uniqueSlug', () => {
  it('appends the first free -2, -3 suffix', () => {
    expect(uniqueSlug('fees', new Set())).toBe('fees');
    expect(uniqueSlug('fees', new Set(['fees', 'fees-2']))).toBe('fees-3');
  });

  it('starts from the suffix it remembers, so a thousand provisions of one heading take a thousand lookups, not half a million', () => {
    const taken = new Set<string>();
    let lookups = 0;
    const counted = { has: (id: string) => (lookups++, taken.has(id)) };
    const nextSuffix = new Map<string, number>();
    for (let i = 0; i < 1000; i++) taken.add(uniqueSlug('section', counted, nextSuffix));
    expect([taken.has('section'), taken.has('section-1000'), taken.size]).toEqual([true, true, 1000]);
    expect(lookups).toBe(1999);
  });
});
