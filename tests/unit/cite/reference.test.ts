import { describe, expect, it } from 'vitest';
import { versionToReference } from '../../../src/lib/cite/reference';
import { HOSTILE_PLATFORM, SHA, SITE, makeVersion } from './fixture';

describe('versionToReference', () => {
  it('names platform, document, UTC capture time, archive, permalink and full hash', () => {
    expect(versionToReference(makeVersion())).toBe(
      `Claude.ai, "Privacy Policy", version captured 8 July 2026 at 10:31 UTC. Fineprint archive. ${SITE}/claude-ai/privacy-policy/20260708103115/ (SHA-256 ${SHA})`,
    );
  });

  it('keeps a hostile platform name on one line and nests quotes in the title', () => {
    expect(versionToReference(makeVersion({ platformName: HOSTILE_PLATFORM, documentTitle: 'The "Good" Terms' }))).toBe(
      `Acme "Labs" {beta} </script><!-- 100% & $5 #1 a_b C:\\x ~ ^, "The 'Good' Terms", version captured 8 July 2026 at 10:31 UTC. Fineprint archive. ${SITE}/claude-ai/privacy-policy/20260708103115/ (SHA-256 ${SHA})`,
    );
  });
});
