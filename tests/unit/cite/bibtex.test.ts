import { describe, expect, it } from 'vitest';
import { escapeBibtex, versionToBibtex } from '../../../src/lib/cite/bibtex';
import { HOSTILE_PLATFORM, SHA, SITE, makeVersion } from './fixture';

/** Depth of unescaped braces after each character; BibTeX needs it never negative and zero at the end. */
function braceDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '{') {
      depth++;
    } else if (text[i] === '}') {
      depth--;
    }
    depths.push(depth);
  }
  return depths;
}

describe('versionToBibtex', () => {
  it('writes a @misc entry keyed by platform, document and stamp, with the platform as corporate author', () => {
    expect(versionToBibtex(makeVersion({ accessed: new Date('2026-08-01T00:10:00Z') }))).toBe(
      [
        '@misc{claude-ai-privacy-policy-20260708103115,',
        '  title = {{Privacy Policy}},',
        '  author = {{Claude.ai}},',
        '  year = {2026},',
        '  month = jul,',
        '  day = {8},',
        `  howpublished = {Fineprint archive, \\url{${SITE}/claude-ai/privacy-policy/20260708103115/}},`,
        `  url = {${SITE}/claude-ai/privacy-policy/20260708103115/},`,
        `  note = {Version captured 2026-07-08 10:31:15 UTC. SHA-256: ${SHA}},`,
        '  urldate = {2026-08-01}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves urldate out when no access date is given', () => {
    expect(versionToBibtex(makeVersion())).not.toContain('urldate');
  });

  it('escapes every special character of a hostile platform name and keeps braces balanced', () => {
    const entry = versionToBibtex(makeVersion({ platformName: HOSTILE_PLATFORM }));
    expect(entry.split('\n')[2]).toBe(
      '  author = {{Acme "Labs" \\{beta\\} \\textless{}/script\\textgreater{}\\textless{}!-- 100\\% \\& \\$5 \\#1 a\\_b C:\\textbackslash{}x \\textasciitilde{} \\textasciicircum{}}},',
    );
    const depths = braceDepths(entry);
    expect(Math.min(...depths)).toBe(0);
    expect(depths.at(-1)).toBe(0);
  });
});

describe('escapeBibtex', () => {
  it('escapes a backslash without escaping the braces it introduces', () => {
    expect(escapeBibtex('a\\{b}')).toBe('a\\textbackslash{}\\{b\\}');
  });
});
