import { describe, expect, it } from 'vitest';
import {
  addResultsToGroups,
  describeResults,
  excerptToRuns,
  toPagefindFilters,
  type PagefindResultData,
  type ResultGroup,
} from '../../../src/lib/search/results';

const provision = (url: string, title: string, excerpt: string, document = 'Acme Terms'): PagefindResultData => ({
  url,
  meta: { title: document },
  excerpt,
  sub_results: [{ title, url, excerpt }],
  anchors: [{ title }],
});

describe('grouping results by document', () => {
  it('puts provisions of one document under it, in ranked order, and starts groups for new documents', () => {
    const groups: ResultGroup[] = [];
    const started = addResultsToGroups(groups, [
      provision('/fineprint/acme/terms/#fees', 'Fees', 'You <mark>pay</mark>.'),
      provision('/fineprint/other/terms/#pay', 'Pay', 'We <mark>pay</mark>.', 'Other Terms'),
      provision('/fineprint/acme/terms/#refunds', 'Refunds', 'We <mark>pay</mark> back.'),
    ]);
    expect(groups.map((group) => [group.url, group.title, group.passages.map((passage) => passage.title)])).toEqual([
      ['/fineprint/acme/terms/', 'Acme Terms', ['Fees', 'Refunds']],
      ['/fineprint/other/terms/', 'Other Terms', ['Pay']],
    ]);
    expect(started).toEqual(groups);
  });

  it('adds later results to the groups already shown and returns only the groups it started', () => {
    const groups: ResultGroup[] = [];
    addResultsToGroups(groups, [provision('/acme/terms/#fees', 'Fees', 'x')]);
    const started = addResultsToGroups(groups, [provision('/acme/terms/#law', 'Law', 'y'), provision('/notes/about/', 'About', 'z', 'About')]);
    expect(groups[0]!.passages.map((passage) => passage.title)).toEqual(['Fees', 'Law']);
    expect(started.map((group) => group.url)).toEqual(['/notes/about/']);
  });

  it('shows at most three passages of a whole page that matched under many headings', () => {
    const note: PagefindResultData = {
      url: '/notes/methodology/',
      meta: { title: 'Methodology' },
      excerpt: 'x',
      sub_results: ['a', 'b', 'c', 'd'].map((id) => ({ title: id, url: `/notes/methodology/#${id}`, excerpt: id })),
      anchors: [],
    };
    const groups: ResultGroup[] = [];
    addResultsToGroups(groups, [note]);
    expect(groups[0]!.passages.map((passage) => passage.title)).toEqual(['a', 'b', 'c']);
  });

  it('makes a record found by filters alone its own passage, titled by its provision', () => {
    const groups: ResultGroup[] = [];
    addResultsToGroups(groups, [{ ...provision('/acme/terms/#fees', 'Fees', ''), sub_results: [], excerpt: 'You pay.' }]);
    expect(groups[0]!.passages).toEqual([{ title: 'Fees', url: '/acme/terms/#fees', excerpt: 'You pay.' }]);
  });
});

describe('excerptToRuns', () => {
  it('marks the matched words and keeps everything else as text, escaped brackets unescaped', () => {
    expect(excerptToRuns('<mark>Arbitration</mark> under &lt;script&gt; &amp; <mark>rules</mark>.')).toEqual([
      { text: 'Arbitration', marked: true },
      { text: ' under <script> &amp; ', marked: false },
      { text: 'rules', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('gives no markup a way in: a tag in the text stays text', () => {
    expect(excerptToRuns('&lt;img src=x onerror=alert(1)&gt;')).toEqual([{ text: '<img src=x onerror=alert(1)>', marked: false }]);
  });
});

describe('toPagefindFilters', () => {
  it('asks for any chosen value of each filter and leaves out filters with none chosen', () => {
    const chosen = new Map([
      ['platform', new Set(['ChatGPT', 'Grok'])],
      ['topic', new Set<string>()],
    ]);
    expect(toPagefindFilters(chosen)).toEqual({ platform: { any: ['ChatGPT', 'Grok'] } });
  });
});

describe('describeResults', () => {
  it('says how many results there are and how many are shown', () => {
    expect(describeResults(52, 10, 'arbitration')).toBe('52 results for “arbitration”, showing the first 10.');
    expect(describeResults(1, 1, 'bug bounty')).toBe('1 result for “bug bounty”.');
    expect(describeResults(0, 0, 'zzz')).toBe('No results for “zzz”.');
    expect(describeResults(3, 3, '')).toBe('3 results.');
  });
});
