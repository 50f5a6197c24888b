import { describe, expect, it } from 'vitest';
import { versionToCslJson, versionToCslJsonText } from '../../../src/lib/cite/csl-json';
import { HOSTILE_PLATFORM, SHA, SITE, makeVersion } from './fixture';

const permalink = `${SITE}/claude-ai/privacy-policy/20260708103115/`;

describe('versionToCslJson', () => {
  it('describes the version as a webpage by a literal author in the archive', () => {
    expect(versionToCslJson(makeVersion())).toEqual({
      id: 'claude-ai-privacy-policy-20260708103115',
      type: 'webpage',
      title: 'Privacy Policy',
      author: [{ literal: 'Claude.ai' }],
      'container-title': 'Fineprint archive',
      issued: { 'date-parts': [[2026, 7, 8]] },
      URL: permalink,
      note: `Version captured 2026-07-08 10:31:15 UTC. SHA-256: ${SHA}`,
    });
  });

  it('adds the access date in UTC when one is given', () => {
    const item = versionToCslJson(makeVersion({ accessed: new Date('2026-08-01T23:30:00-02:00') }));
    expect(item.accessed).toEqual({ 'date-parts': [[2026, 8, 2]] });
  });

  it('keeps a hostile platform name verbatim on one line as the literal author', () => {
    expect(versionToCslJson(makeVersion({ platformName: HOSTILE_PLATFORM })).author).toEqual([
      { literal: 'Acme "Labs" {beta} </script><!-- 100% & $5 #1 a_b C:\\x ~ ^' },
    ]);
  });
});

describe('versionToCslJsonText', () => {
  it('pretty-prints a one-item CSL-JSON array ending with a newline', () => {
    const text = versionToCslJsonText(makeVersion());
    expect(text.startsWith('[\n  {\n    "id": "claude-ai-privacy-policy-20260708103115",\n')).toBe(true);
    expect(text.endsWith('\n  }\n]\n')).toBe(true);
    expect(JSON.parse(text)).toEqual([versionToCslJson(makeVersion())]);
  });
});
