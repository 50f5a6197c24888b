import { versionToBibtex } from './bibtex';
import { versionToCslJsonText } from './csl-json';
import { versionToRis } from './ris';
import { checkCitableVersion, type CitableVersion } from './version';

/** A citation file offered for copy and download on a version page; `text` is UTF-8. */
export interface CitationDownload {
  format: 'bibtex' | 'csl-json' | 'ris';
  /** `<platform>-<document>-<stamp>.<ext>`, e.g. "claude-ai-privacy-policy-20260708103115.bib" */
  filename: string;
  mediaType: string;
  text: string;
}

/** The BibTeX, CSL-JSON and RIS files of a version, in the order the page offers them. */
export function citationDownloads(version: CitableVersion): CitationDownload[] {
  const { key } = checkCitableVersion(version);
  return [
    { format: 'bibtex', filename: `${key}.bib`, mediaType: 'application/x-bibtex', text: versionToBibtex(version) },
    {
      format: 'csl-json',
      filename: `${key}.json`,
      mediaType: 'application/vnd.citationstyles.csl+json',
      text: versionToCslJsonText(version),
    },
    {
      format: 'ris',
      filename: `${key}.ris`,
      mediaType: 'application/x-research-info-systems',
      text: versionToRis(version),
    },
  ];
}
