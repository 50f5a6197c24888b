import { describe, expect, it } from 'vitest';
import { versionToCitationMeta } from '../../../src/lib/cite/meta';
import { HOSTILE_PLATFORM, SITE, makeVersion } from './fixture';

describe('versionToCitationMeta', () => {
  it('gives the Highwire citation_* tags with slash-separated UTC dates', () => {
    expect(versionToCitationMeta(makeVersion({ capturedAt: new Date('2026-07-08T10:31:15Z') }))).toEqual([
      { name: 'citation_title', content: 'Privacy Policy' },
      { name: 'citation_author', content: 'Claude.ai' },
      { name: 'citation_publication_date', content: '2026/07/08' },
      { name: 'citation_online_date', content: '2026/07/08' },
      { name: 'citation_public_url', content: `${SITE}/claude-ai/privacy-policy/20260708103115/` },
      { name: 'citation_publisher', content: 'Fineprint archive' },
    ]);
  });

  it('gives a hostile platform name on one line, leaving attribute escaping to the page', () => {
    expect(versionToCitationMeta(makeVersion({ platformName: HOSTILE_PLATFORM }))[1]).toEqual({
      name: 'citation_author',
      content: 'Acme "Labs" {beta} </script><!-- 100% & $5 #1 a_b C:\\x ~ ^',
    });
  });
});
