import { describe, expect, it } from 'vitest';
import { versionToRis } from '../../../src/lib/cite/ris';
import { HOSTILE_PLATFORM, SHA, SITE, makeVersion } from './fixture';

describe('versionToRis', () => {
  it('writes an ELEC record with CRLF line ends closed by ER', () => {
    expect(versionToRis(makeVersion({ accessed: new Date('2026-08-01T12:00:00Z') }))).toBe(
      [
        'TY  - ELEC',
        'TI  - Privacy Policy',
        'AU  - Claude.ai',
        'PY  - 2026',
        'DA  - 2026/07/08/',
        `UR  - ${SITE}/claude-ai/privacy-policy/20260708103115/`,
        `N1  - Version captured 2026-07-08 10:31:15 UTC. SHA-256: ${SHA}`,
        'DB  - Fineprint archive',
        'Y2  - 2026/08/01/',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps a record of ten lines when names hold newlines and a fake end tag', () => {
    const ris = versionToRis(makeVersion({ platformName: HOSTILE_PLATFORM, documentTitle: 'Terms\nER  - \r\nTY  - BOOK' }));
    const lines = ris.split('\r\n');
    expect(lines).toHaveLength(10);
    expect(lines.slice(1, 3)).toEqual([
      'TI  - Terms ER - TY - BOOK',
      'AU  - Acme "Labs" {beta} </script><!-- 100% & $5 #1 a_b C:\\x ~ ^',
    ]);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
