import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  summarizeChange,
  summaryToHtml,
  summaryToSentence,
  type ChangeSummary,
  type SummaryVersion,
} from '../../../src/lib/diff/summary';

const read = (path: string) => readFileSync(new URL(`../../fixtures/diff/${path}`, import.meta.url), 'utf8');
const lines = (text: string, first: number, last: number) => text.split('\n').slice(first - 1, last).join('\n');

// ChatGPT's Vulnerability Disclosure Policy, split into provisions by hand at its setext headings.
function disclosurePolicy(name: string, withCve: boolean): SummaryVersion {
  const text = read(`chatgpt-vulnerability-disclosure-policy/${name}.md`);
  const provisions = [
    { id: 'coordinated-vulnerability-disclosure-policy', heading: 'Coordinated vulnerability disclosure policy', text: lines(text, 1, 6) },
    { id: 'bug-bounty', heading: 'Bug bounty', text: lines(text, 8, 13) },
    { id: 'incident-reporting', heading: 'Incident reporting', text: lines(text, 15, 18) },
    { id: 'outbound', heading: 'Outbound coordinated vulnerability disclosure policy', text: lines(text, 20, 23) },
  ];
  if (withCve) provisions.push({ id: 'cve-assignment-policy', heading: 'CVE assignment policy', text: lines(text, 25, 28) });
  return { text, provisions };
}

// Grok's Acceptable Use Policy: the preamble with its stated date, the three rules, the closing notes.
function grokPolicy(side: 'before' | 'after'): SummaryVersion {
  const text = read(`silent-edit/${side}.md`);
  return {
    text,
    provisions: [
      { id: 'xai-acceptable-use-policy', heading: 'xAI Acceptable Use Policy', text: lines(text, 1, 12) },
      { id: 'comply-with-the-law', heading: 'Comply with the law', text: lines(text, 14, 22) },
      { id: 'do-not-harm', heading: 'Do not harm people or property', text: lines(text, 23, 28) },
      { id: 'guardrails', heading: 'Respect guardrails and don’t mislead', text: lines(text, 29, 30) },
      { id: 'closing', heading: 'Reporting', text: lines(text, 32, 34) },
    ],
  };
}

const june = { label: 'last updated', date: '2025-06-09', text: 'Updated: June 9, 2025' } as const;
const november = { label: 'last updated', date: '2025-11-20', text: 'Updated: November 20, 2025' } as const;

describe('change summaries', () => {
  it('names the section a real change added and the section whose stated date moved', () => {
    expect(
      summarizeChange({
        commitKind: 'change',
        before: disclosurePolicy('1-d0d0dc5', false),
        after: disclosurePolicy('2-e44bdfd', true),
      }),
    ).toEqual({
      kind: 'substantive',
      rules: [],
      provisionsAdded: [{ id: 'cve-assignment-policy', heading: 'CVE assignment policy' }],
      provisionsRemoved: [],
      provisionsModified: [
        { id: 'coordinated-vulnerability-disclosure-policy', heading: 'Coordinated vulnerability disclosure policy' },
      ],
      wordsAdded: 64,
      wordsRemoved: 2,
      statedDateBefore: june,
      statedDateAfter: november,
      silentEdit: false,
    });
  });

  it('names a removed section', () => {
    const summary = summarizeChange({
      commitKind: 'change',
      before: disclosurePolicy('2-e44bdfd', true),
      after: disclosurePolicy('1-d0d0dc5', false),
    });
    expect([summary.provisionsAdded, summary.provisionsRemoved]).toEqual([
      [],
      [{ id: 'cve-assignment-policy', heading: 'CVE assignment policy' }],
    ]);
  });

  it('lists no modified section for a cosmetic date reformatting', () => {
    const summary = summarizeChange({
      commitKind: 'change',
      before: disclosurePolicy('3-13b4c8e', true),
      after: disclosurePolicy('4-951cbac', true),
    });
    expect([summary.kind, summary.rules, summary.provisionsModified, summary.silentEdit]).toEqual([
      'cosmetic',
      ['date-formats'],
      [],
      false,
    ]);
  });

  it('flags the real Grok edit that added a paragraph under an unchanged "Effective: January 2, 2025" as silent', () => {
    const summary = summarizeChange({ commitKind: 'change', before: grokPolicy('before'), after: grokPolicy('after') });
    expect(summary).toEqual({
      kind: 'substantive',
      rules: [],
      provisionsAdded: [],
      provisionsRemoved: [],
      provisionsModified: [{ id: 'closing', heading: 'Reporting' }],
      wordsAdded: 29,
      wordsRemoved: 0,
      statedDateBefore: { label: 'effective', date: '2025-01-02', text: 'Effective: January 2, 2025' },
      statedDateAfter: { label: 'effective', date: '2025-01-02', text: 'Effective: January 2, 2025' },
      silentEdit: true,
    });
  });

  it('never flags a technical change as a silent edit', () => {
    const summary = summarizeChange({ commitKind: 'technical', before: grokPolicy('before'), after: grokPolicy('after') });
    expect([summary.kind, summary.silentEdit]).toEqual(['technical', false]);
  });

  it('reports no word counts for a binary version', () => {
    const summary = summarizeChange({
      commitKind: 'change',
      before: { text: 'Terms\n', provisions: [] },
      after: { text: '%PDF\0', provisions: [] },
    });
    expect([summary.wordsAdded, summary.wordsRemoved]).toEqual([null, null]);
  });
});

const substantive: ChangeSummary = {
  kind: 'substantive',
  rules: [],
  provisionsAdded: [],
  provisionsRemoved: [],
  provisionsModified: [
    { id: 'a', heading: 'Use of <Content> & "Outputs"' },
    { id: 'b', heading: 'Arbitration' },
  ],
  wordsAdded: 140,
  wordsRemoved: 12,
  statedDateBefore: { label: 'effective', date: '2026-07-08', text: 'Effective July 8, 2026' },
  statedDateAfter: { label: 'effective', date: '2026-07-08', text: 'Effective July 8, 2026' },
  silentEdit: true,
};

describe('summary sentences and HTML', () => {
  it('says what a substantive change did in one sentence', () => {
    expect(summaryToSentence({ ...substantive, silentEdit: false })).toBe('2 sections modified, 140 words added, 12 removed');
  });

  it('adds the silent edit to the sentence', () => {
    expect(summaryToSentence(substantive)).toBe(
      '2 sections modified, 140 words added, 12 removed; the stated date did not change',
    );
  });

  it('uses singulars and leaves out what did not happen', () => {
    expect(
      summaryToSentence({
        ...substantive,
        silentEdit: false,
        provisionsAdded: [{ id: 'c', heading: 'New' }],
        provisionsModified: [],
        wordsAdded: 1,
        wordsRemoved: 0,
      }),
    ).toBe('1 section added, 1 word added');
  });

  it('names the rules of a cosmetic change and says when the text is identical', () => {
    expect(summaryToSentence({ ...substantive, kind: 'cosmetic', rules: ['tracking-query-parameters'] })).toBe(
      'Cosmetic change: tracking query parameters',
    );
    expect(summaryToSentence({ ...substantive, kind: 'cosmetic', rules: [] })).toBe('Cosmetic change: the text is identical');
  });

  it('renders the summary as small escaped HTML', () => {
    expect(summaryToHtml(substantive)).toBe(
      '<p>2 sections modified, 140 words added, 12 removed; the stated date did not change.</p>' +
        '<ul><li>Modified: Use of &#60;Content&#62; &#38; &#34;Outputs&#34;; Arbitration</li></ul>' +
        '<p><strong>Silent edit:</strong> the text changed but the stated date (Effective July 8, 2026) did not.</p>',
    );
  });

  it('names the text before the first heading "Preamble" in the HTML', () => {
    expect(summaryToHtml({ ...substantive, silentEdit: false, provisionsModified: [{ id: 'preamble', heading: '' }] })).toBe(
      '<p>1 section modified, 140 words added, 12 removed.</p><ul><li>Modified: Preamble</li></ul>',
    );
  });

  it('shows a moved stated date in the HTML', () => {
    expect(
      summaryToHtml({
        ...substantive,
        provisionsModified: [],
        silentEdit: false,
        statedDateAfter: { label: 'effective', date: '2026-08-01', text: 'Effective August 1, 2026' },
      }),
    ).toBe(
      '<p>140 words added, 12 removed.</p><p>Stated date: Effective July 8, 2026 → Effective August 1, 2026</p>',
    );
  });

  it('escapes markup, quotes and ampersands', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;y&#39;',
    );
  });
});
