import { describe, expect, it } from 'vitest';
import { analysisSchema, EXPOSURE_SCALE, isAnalysisStale } from '../../../src/lib/schemas/analysis';

const valid = {
  platform: 'anthropic',
  document: 'terms-of-service',
  provision: 'feedback',
  as_of: '20251111151943',
  summary: 'Anything you send as feedback can be used freely.',
  exposure: 'medium',
  regulations: [{ framework: 'GDPR', article: 'Art. 6', note: 'Needs a lawful basis.' }],
  jurisdictions: ['EU'],
  considerations: ['Do not put personal data in feedback.'],
};

describe('analysisSchema', () => {
  it('accepts a complete front matter and fills absent lists with empty ones', () => {
    expect(analysisSchema.parse(valid)).toEqual(valid);
    const { regulations: _r, jurisdictions: _j, considerations: _c, ...minimal } = valid;
    expect(analysisSchema.parse(minimal)).toEqual({ ...minimal, regulations: [], jurisdictions: [], considerations: [] });
  });

  it('accepts a topics override', () => {
    expect(analysisSchema.parse({ ...valid, topics: ['feedback'] }).topics).toEqual(['feedback']);
  });

  it('rejects an as_of that is not a version stamp, naming the field', () => {
    const result = analysisSchema.safeParse({ ...valid, as_of: '2025-11-11' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['as_of', 'must be the analysed version, YYYYMMDDhhmmss (quote it in YAML so it stays text)'],
    ]);
  });

  it('accepts a version stamp with a same-second suffix', () => {
    expect(analysisSchema.parse({ ...valid, as_of: '20251111151943-2' }).as_of).toBe('20251111151943-2');
  });

  it('rejects an exposure outside the scale', () => {
    const result = analysisSchema.safeParse({ ...valid, exposure: 'severe' });
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['exposure', 'must be one of low, medium, high, critical'],
    ]);
  });

  it('rejects a regulation without a note and an unknown field', () => {
    const result = analysisSchema.safeParse({ ...valid, regulations: [{ framework: 'GDPR', article: 'Art. 6' }], rating: 3 });
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['regulations.0.note', '']);
  });
});

describe('EXPOSURE_SCALE', () => {
  it('defines the four levels from low to critical', () => {
    expect(Object.keys(EXPOSURE_SCALE)).toEqual(['low', 'medium', 'high', 'critical']);
  });
});

describe('isAnalysisStale', () => {
  const events = [
    { version: '20250101000000', event: 'added' },
    { version: '20250601000000', event: 'modified' },
    { version: '20251201000000', event: 'modified' },
  ];

  it('is fresh when the provision has not changed since the analysed version', () => {
    expect(isAnalysisStale('20251201000000', events)).toEqual({ stale: false });
    expect(isAnalysisStale('20260101000000', events)).toEqual({ stale: false });
  });

  it('is stale from the first change after the analysed version', () => {
    expect(isAnalysisStale('20250301000000', events)).toEqual({ stale: true, changedIn: '20250601000000' });
  });

  it('orders a same-second version after its first one', () => {
    expect(isAnalysisStale('20251201000000', [{ version: '20251201000000-2' }])).toEqual({
      stale: true,
      changedIn: '20251201000000-2',
    });
  });
});
