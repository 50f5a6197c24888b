import { describe, expect, it } from 'vitest';
import { formatResultLine, formatSummary, mergeReports } from '../../../src/lib/tracker/report';
import { selectJobs, type DocumentResult, type RunReport } from '../../../src/lib/tracker/run';
import { parseDeclaration } from '../../../src/lib/schemas/declaration';

const result = (platform: string, status: DocumentResult['status'], extra: Partial<DocumentResult> = {}): DocumentResult => ({
  platform,
  document: 'terms-of-service',
  type: 'Terms of Service',
  status,
  capturedAt: '2026-09-01T06:00:00.000Z',
  sources: [],
  fetchers: [],
  file: `content/platforms/${platform}/terms-of-service.md`,
  ...extra,
});
const report = (results: DocumentResult[], startedAt = '2026-09-01T06:00:00.000Z'): RunReport => ({
  startedAt,
  finishedAt: '2026-09-01T06:05:00.000Z',
  extractorVersion: '1',
  dryRun: false,
  commit: true,
  results,
});

describe('run report', () => {
  it('prints a line per document and a summary with the reason of each failure', () => {
    expect(formatResultLine(result('acme', 'recorded', { kind: 'change', commit: '0123456789abcdef' }))).toBe('✓ acme/terms-of-service: changed (0123456789)');
    const summary = formatSummary(
      report([result('acme', 'unchanged'), result('beta', 'failed', { category: 'http-404', message: 'HTTP 404 from https://beta.example/.' }), result('gamma', 'technical', { kind: 'technical' })]),
    );
    expect(summary).toBe(
      'recorded  0\ntechnical 1\nunchanged 1\nfailed    1\n\nfailed documents:\n  beta/terms-of-service  http-404  HTTP 404 from https://beta.example/.',
    );
  });

  it('merges shard reports in document order with the earliest start', () => {
    const merged = mergeReports([report([result('beta', 'unchanged')], '2026-09-01T06:01:00.000Z'), report([result('acme', 'failed')])]);
    expect([merged.startedAt, merged.results.map((r) => r.platform)]).toEqual(['2026-09-01T06:00:00.000Z', ['acme', 'beta']]);
  });
});

describe('shards', () => {
  it('deals the sorted documents round-robin, so shards together cover each document once', () => {
    const declarations = new Map(
      ['c', 'a', 'b', 'd', 'e'].map((id) => [
        id,
        parseDeclaration({ name: id, homepage: 'https://e.example/', documents: { 'terms-of-service': { type: 'Terms of Service', url: `https://${id}.example/` } } }, 'p.yml', id),
      ]),
    );
    const ids = (index: number) => selectJobs(declarations, { shard: { index, count: 2 } }).map((job) => job.platform);
    expect([ids(1), ids(2)]).toEqual([['a', 'c', 'e'], ['b', 'd']]);
  });
});
