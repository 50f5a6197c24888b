import { checkCitableVersion, versionToNote, type CitableVersion, type UtcParts } from './version';

/** A CSL date as citation processors (citeproc-js, Zotero, Pandoc) read it. */
export interface CslDate {
  'date-parts': [[number, number, number]];
}

/** One CSL-JSON item: the fields of the CSL 1.0.2 schema a version fills in. */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author: [{ literal: string }];
  'container-title': string;
  issued: CslDate;
  URL: string;
  note: string;
  accessed?: CslDate;
}

const toCslDate = (parts: UtcParts): CslDate => ({ 'date-parts': [[parts.year, parts.month, parts.day]] });

/** The CSL-JSON item of a version; the platform is a `literal` author so no processor splits its name. */
export function versionToCslJson(version: CitableVersion): CslItem {
  const v = checkCitableVersion(version);
  return {
    id: v.key,
    type: 'webpage',
    title: v.documentTitle,
    author: [{ literal: v.platformName }],
    'container-title': v.archiveName,
    issued: toCslDate(v.captured),
    URL: v.permalink,
    note: versionToNote(v),
    ...(v.accessedParts && { accessed: toCslDate(v.accessedParts) }),
  };
}

/** A CSL-JSON file of one version: an array holding its item, pretty-printed, as reference managers import it. */
export function versionToCslJsonText(version: CitableVersion): string {
  return `${JSON.stringify([versionToCslJson(version)], null, 2)}\n`;
}
