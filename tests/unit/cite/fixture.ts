import { createHash } from 'node:crypto';
import type { CitableVersion } from '../../../src/lib/cite/version';

/** The SHA-256 of a short recorded text, as the archive index would give it. */
export const SHA = createHash('sha256').update('Privacy Policy\n==============\n').digest('hex');

export const SITE = 'https://fineprint.example/archive';

/** A valid version of Claude.ai's Privacy Policy, deployed under the sub-path /archive/; `changes` override fields. */
export function makeVersion(changes: Partial<CitableVersion> = {}): CitableVersion {
  return {
    platformName: 'Claude.ai',
    documentTitle: 'Privacy Policy',
    platformId: 'claude-ai',
    documentId: 'privacy-policy',
    versionStamp: '20260708103115',
    capturedAt: new Date('2026-07-08T10:31:15Z'),
    permalink: `${SITE}/claude-ai/privacy-policy/20260708103115/`,
    rawUrl: `${SITE}/claude-ai/privacy-policy/20260708103115.md`,
    sha256: SHA,
    sourceUrls: ['https://www.anthropic.com/legal/privacy'],
    archiveName: 'Fineprint archive',
    ...changes,
  };
}

/** A platform name written to break every format: quotes, braces, a script end tag, a newline, TeX specials. */
export const HOSTILE_PLATFORM = 'Acme "Labs" {beta}\n</script><!-- 100% & $5 #1 a_b C:\\x ~ ^';
