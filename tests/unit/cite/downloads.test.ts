import { describe, expect, it } from 'vitest';
import { versionToBibtex } from '../../../src/lib/cite/bibtex';
import { versionToCslJsonText } from '../../../src/lib/cite/csl-json';
import { citationDownloads } from '../../../src/lib/cite/downloads';
import { versionToRis } from '../../../src/lib/cite/ris';
import { makeVersion } from './fixture';

describe('citationDownloads', () => {
  it('offers BibTeX, CSL-JSON and RIS files named after the version', () => {
    const version = makeVersion();
    expect(citationDownloads(version)).toEqual([
      {
        format: 'bibtex',
        filename: 'claude-ai-privacy-policy-20260708103115.bib',
        mediaType: 'application/x-bibtex',
        text: versionToBibtex(version),
      },
      {
        format: 'csl-json',
        filename: 'claude-ai-privacy-policy-20260708103115.json',
        mediaType: 'application/vnd.citationstyles.csl+json',
        text: versionToCslJsonText(version),
      },
      {
        format: 'ris',
        filename: 'claude-ai-privacy-policy-20260708103115.ris',
        mediaType: 'application/x-research-info-systems',
        text: versionToRis(version),
      },
    ]);
  });

  it('refuses an invalid version before building any file', () => {
    expect(() => citationDownloads(makeVersion({ sha256: 'abc' }))).toThrow('field "sha256" must be 64 lowercase hexadecimal digits');
  });
});
