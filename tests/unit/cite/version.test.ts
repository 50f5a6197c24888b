import { afterEach, describe, expect, it } from 'vitest';
import { CitationError, checkCitableVersion, dateToUtcParts, toOneLine } from '../../../src/lib/cite/version';
import { SHA, SITE, makeVersion } from './fixture';

describe('checkCitableVersion', () => {
  it('derives the key, the document URL under the deployment base and the UTC capture fields', () => {
    const checked = checkCitableVersion(makeVersion());
    expect(checked.key).toBe('claude-ai-privacy-policy-20260708103115');
    expect(checked.documentUrl).toBe(`${SITE}/claude-ai/privacy-policy/`);
    expect(checked.captured).toEqual({
      year: 2026,
      month: 7,
      day: 8,
      isoDate: '2026-07-08',
      slashDate: '2026/07/08',
      isoDateTime: '2026-07-08T10:31:15Z',
      humanDate: '8 July 2026',
      hourMinute: '10:31',
      time: '10:31:15',
    });
    expect(checked.accessedParts).toBeUndefined();
  });

  it('folds newlines, tabs and control characters in names into single spaces', () => {
    const checked = checkCitableVersion(makeVersion({ platformName: ' Acme\r\n\tLabs\u2028\u0000Inc ' }));
    expect(checked.platformName).toBe('Acme Labs Inc');
  });

  it('accepts a same-second version stamp with its -2 suffix', () => {
    const checked = checkCitableVersion(
      makeVersion({
        versionStamp: '20260708103115-2',
        permalink: `${SITE}/claude-ai/privacy-policy/20260708103115-2/`,
        rawUrl: `${SITE}/claude-ai/privacy-policy/20260708103115-2.md`,
      }),
    );
    expect(checked.key).toBe('claude-ai-privacy-policy-20260708103115-2');
  });

  it('lists every invalid field with what it must be', () => {
    expect(() =>
      checkCitableVersion(makeVersion({ sha256: SHA.toUpperCase(), permalink: 'ftp://example.org/x/', platformName: '\n ' })),
    ).toThrow(
      new CitationError(
        'Cannot cite version "20260708103115" of "claude-ai/privacy-policy": ' +
          'field "platformName" platformName is empty once whitespace and control characters are removed; ' +
          'field "permalink" must be an absolute http(s) URL; ' +
          'field "sha256" must be 64 lowercase hexadecimal digits. Build the CitableVersion from the archive index.',
      ),
    );
  });

  it('rejects an invalid capture date', () => {
    expect(() => checkCitableVersion(makeVersion({ capturedAt: new Date('not a date') }))).toThrow(
      'field "capturedAt" must be a valid Date',
    );
  });

  it('rejects a stamp that does not match the capture time', () => {
    expect(() => checkCitableVersion(makeVersion({ capturedAt: new Date('2026-07-08T10:31:16Z') }))).toThrow(
      new CitationError(
        'Cannot cite version "20260708103115" of "claude-ai/privacy-policy": its stamp does not match capturedAt 2026-07-08T10:31:16.000Z (expected "20260708103116"). Take both from the same commit\'s author date.',
      ),
    );
  });

  it('rejects a permalink that is not the version path', () => {
    expect(() => checkCitableVersion(makeVersion({ permalink: `${SITE}/claude-ai/privacy-policy/` }))).toThrow(
      new CitationError(
        `Cannot cite version "20260708103115" of "claude-ai/privacy-policy": permalink "${SITE}/claude-ai/privacy-policy/" does not end with "/claude-ai/privacy-policy/20260708103115/". Build it with absoluteUrl(site, base, versionPath(…)) from src/lib/paths.ts.`,
      ),
    );
  });

  it('rejects a permalink with a query string', () => {
    expect(() =>
      checkCitableVersion(makeVersion({ permalink: `${SITE}/claude-ai/privacy-policy/20260708103115/?utm=x` })),
    ).toThrow('does not end with "/claude-ai/privacy-policy/20260708103115/"');
  });

  it('rejects a raw URL that is not the raw version path', () => {
    expect(() =>
      checkCitableVersion(makeVersion({ rawUrl: `${SITE}/claude-ai/privacy-policy/20260708103115/` })),
    ).toThrow(`rawUrl "${SITE}/claude-ai/privacy-policy/20260708103115/" does not end with "/claude-ai/privacy-policy/20260708103115.md"`);
  });

  it('says what it was given when the version is not an object', () => {
    expect(() => checkCitableVersion(undefined as never)).toThrow(
      'Cannot cite a version given as undefined: Invalid input: expected object, received undefined.',
    );
  });
});

describe('dateToUtcParts', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('uses UTC fields whatever the local time zone', () => {
    process.env.TZ = 'America/New_York';
    const parts = dateToUtcParts(new Date('2026-01-31T23:30:00-05:00'));
    expect([parts.humanDate, parts.hourMinute, parts.isoDateTime]).toEqual([
      '1 February 2026',
      '04:30',
      '2026-02-01T04:30:00Z',
    ]);
  });
});

describe('toOneLine', () => {
  it('keeps single spaces and trims the ends', () => {
    expect(toOneLine('  Terms\u00a0of \n Service\u2029')).toBe('Terms of Service');
  });
});
