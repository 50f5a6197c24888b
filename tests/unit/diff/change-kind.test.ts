import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHANGE_RULES,
  classifyChange,
  collapseWhitespace,
  differingRegion,
  normalizeDateFormats,
  normalizeRelativeDates,
  normalizeUrlNoise,
  removeEmphasisMarkers,
  removeInvisibleCharacters,
  removeLinkTargets,
  removeMarkdownEscapes,
  removeTrackingQueryParameters,
  straightenQuotes,
} from '../../../src/lib/diff/change-kind';

const fixture = (example: string, side: 'before' | 'after') =>
  readFileSync(new URL(`../../fixtures/diff/${example}/${side}.md`, import.meta.url), 'utf8');
const pair = (example: string) => ({ before: fixture(example, 'before'), after: fixture(example, 'after') });
const classifyPair = (example: string) => classifyChange({ commitKind: 'change', ...pair(example) });

describe('change kinds', () => {
  it('lists the rules in the order they are applied', () => {
    expect(CHANGE_RULES.map((rule) => rule.id)).toEqual([
      'invisible-characters',
      'tracking-query-parameters',
      'url-noise',
      'link-targets',
      'relative-dates',
      'markdown-emphasis',
      'markdown-escaping',
      'typographic-quotes',
      'date-formats',
      'whitespace',
    ]);
  });

  it('marks a change technical when the commit is a technical upgrade, whatever the texts', () => {
    expect(classifyChange({ commitKind: 'technical', ...pair('substantive-one-word') })).toEqual({
      kind: 'technical',
      rules: [],
    });
  });

  it('marks a re-recorded identical text cosmetic with no rule', () => {
    const text = fixture('substantive-one-word', 'before');
    expect(classifyChange({ commitKind: 'change', before: text, after: text })).toEqual({ kind: 'cosmetic', rules: [] });
  });

  it.each([
    ['tracking-query-parameters', ['tracking-query-parameters']],
    ['date-formats', ['date-formats']],
    ['relative-dates', ['relative-dates']],
    ['relative-dates-yesterday', ['relative-dates']],
    ['url-noise', ['url-noise']],
    ['link-targets', ['link-targets']],
    ['link-targets-added-link', ['link-targets']],
    ['whitespace', ['whitespace']],
    ['whitespace-before-punctuation', ['whitespace']],
    ['typographic-quotes', ['typographic-quotes']],
    ['markdown-emphasis', ['markdown-emphasis']],
    ['markdown-escaping', ['markdown-escaping']],
    ['invisible-characters', ['invisible-characters']],
  ])('marks the real change "%s" cosmetic, explained by %j', (example, rules) => {
    expect(classifyPair(example)).toEqual({ kind: 'cosmetic', rules });
  });

  it.each([
    'substantive-one-word',
    'substantive-email-address',
    'substantive-stated-date',
    'substantive-month',
    'substantive-banner',
  ])('keeps the real change "%s" substantive', (example) => {
    expect(classifyPair(example)).toEqual({ kind: 'substantive', rules: [] });
  });

  it('explains two real cosmetic changes made at once by both their rules, and by no broader one', () => {
    const [first, second, third] = [pair('tracking-query-parameters'), pair('date-formats'), pair('typographic-quotes')];
    expect(
      classifyChange({
        commitKind: 'change',
        before: [first.before, second.before, third.before].join('\n\n'),
        after: [first.after, second.after, third.after].join('\n\n'),
      }),
    ).toEqual({ kind: 'cosmetic', rules: ['tracking-query-parameters', 'typographic-quotes', 'date-formats'] });
  });

  it('marks a one-word edit substantive even next to a tracking-id rotation', () => {
    const { before, after } = pair('tracking-query-parameters');
    expect(
      classifyChange({ commitKind: 'change', before, after: after.replace('“Pricing Page” means', '“Pricing Page” meant') }),
    ).toEqual({ kind: 'substantive', rules: [] });
  });

  it('classifies a megabyte-sized document by its changed lines only', () => {
    const { before, after } = pair('tracking-query-parameters');
    const padding = 'Unchanged paragraph of a long policy.\n\n'.repeat(25_000);
    expect(
      classifyChange({ commitKind: 'change', before: padding + before + padding, after: padding + after + padding }),
    ).toEqual({ kind: 'cosmetic', rules: ['tracking-query-parameters'] });
  });
});

describe('change rules on real lines', () => {
  it('drops the rotating openaicom-did and the openaicom_referred tag from the ChatGPT pricing link', () => {
    const { before } = pair('tracking-query-parameters');
    expect(removeTrackingQueryParameters(before)).toContain('(https://chatgpt.com/en-GB/pricing).');
  });

  it('keeps query parameters that choose the page', () => {
    expect(
      removeTrackingQueryParameters(
        '[Gemini app](https://play.google.com/store/apps/details?id=com.google.android.apps.bard&utm_source=help&hl=en-GB)',
      ),
    ).toBe('[Gemini app](https://play.google.com/store/apps/details?id=com.google.android.apps.bard&hl=en-GB)');
  });

  it('drops a referral tag that Meta added to a help link', () => {
    expect(removeTrackingQueryParameters('[here](https://www.facebook.com/help/681634310058367/?ref=model_api_tos)')).toBe(
      '[here](https://www.facebook.com/help/681634310058367/)',
    );
  });

  it('reads the Claude.ai "8 July 2026" and "July 8, 2026" headers as the same ISO date', () => {
    const { before, after } = pair('date-formats');
    const header = (text: string) => normalizeDateFormats(text).split('\n')[1];
    expect(header(before)).toBe(
      'Effective 2026-07-08[Previous Version](https://www.anthropic.com/legal/archive/d254257b-3920-4d8c-842d-b193c7372ba9)',
    );
    expect(header(after)).toBe(header(before));
  });

  it('keeps different days different after reading dates', () => {
    expect(normalizeDateFormats('Effective 8 July 2026')).not.toBe(normalizeDateFormats('Effective July 9, 2026'));
    expect(normalizeDateFormats('Last Updated: November 2025, effective 31 February 2026')).toBe(
      'Last Updated: 2025-11, effective 31 February 2026',
    );
  });

  it('reads "22 days ago" and "yesterday" as the same time', () => {
    expect(normalizeRelativeDates('Updated: 22 days ago')).toBe('Updated: some time ago');
    expect(normalizeRelativeDates('Updated: yesterday')).toBe('Updated: some time ago');
  });

  it('reads the http and https Google Ads links of the Grok cookie table as the same link', () => {
    const { before, after } = pair('url-noise');
    expect(normalizeUrlNoise(before)).toBe(normalizeUrlNoise(after));
    expect(normalizeUrlNoise('https://WWW.Example.com:443/terms/#section-2')).toBe('https://example.com/terms');
  });

  it('keeps the text of the Claude.ai Privacy Settings link and drops its rotating redirect id', () => {
    const { before } = pair('link-targets');
    expect(removeLinkTargets(before)).toContain('You can access these in your Privacy Settings.');
  });

  it('drops link targets with parentheses and titles', () => {
    expect(removeLinkTargets('See [Foo](https://en.wikipedia.org/wiki/Foo_(bar) "Foo") and ![logo](a.png).')).toBe(
      'See Foo and !logo.',
    );
  });

  it('removes the bold and italic markers of a Perplexity annex heading in either nesting', () => {
    const { before, after } = pair('markdown-emphasis');
    expect(removeEmphasisMarkers(before)).toBe('Purpose(s) of the processing\n');
    expect(removeEmphasisMarkers(after)).toBe('Purpose(s) of the processing\n');
  });

  it('keeps underscores inside words and list bullets', () => {
    expect(removeEmphasisMarkers('*   contact [aup_exceptions@meta.com](mailto:aup_exceptions@meta.com)')).toBe(
      '*   contact [aup_exceptions@meta.com](mailto:aup_exceptions@meta.com)',
    );
  });

  it('reads an escaped list dash of the Cdiscount terms as the plain dash', () => {
    const { before, after } = pair('markdown-escaping');
    expect(removeMarkdownEscapes(after)).toBe(before);
    expect(removeMarkdownEscapes('**1\\. Definitions** &amp; terms&#39;')).toBe("**1. Definitions** & terms'");
  });

  it('reads curly and straight apostrophes of the ChatGPT terms as the same', () => {
    const { before, after } = pair('typographic-quotes');
    expect(straightenQuotes(after)).toBe(straightenQuotes(before));
    expect(straightenQuotes('you’re “here”')).toBe('you\'re "here"');
  });

  it('counts a trailing non-breaking space and a space before a full stop as no difference', () => {
    expect(collapseWhitespace(fixture('whitespace', 'before'))).toBe(
      'The following are a few examples of our collection and use of data:',
    );
    const { before, after } = pair('whitespace-before-punctuation');
    expect(collapseWhitespace(before)).toBe(collapseWhitespace(after));
  });

  it('removes the word joiners that come and go in ChatGPT link texts', () => {
    expect(removeInvisibleCharacters('[Bug Bounty\u2060](https://bugcrowd.com/openai)')).toBe('[Bug Bounty](https://bugcrowd.com/openai)');
    const { before, after } = pair('invisible-characters');
    expect(removeInvisibleCharacters(before)).toBe(removeInvisibleCharacters(after));
  });

  it('finds the differing lines between common leading and trailing lines', () => {
    expect(differingRegion('a\nb\nc\nd', 'a\nB\nC\nd')).toEqual({ before: 'b\nc', after: 'B\nC' });
    expect(differingRegion('a\nd', 'a\nb\nd')).toEqual({ before: '', after: 'b' });
  });
});
