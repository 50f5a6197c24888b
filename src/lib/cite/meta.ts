import { checkCitableVersion, type CitableVersion } from './version';

/** One `<meta name content>` tag; the page escapes `content` as an attribute value when it renders it. */
export interface CitationMetaTag {
  name: string;
  content: string;
}

/**
 * Highwire Press `citation_*` meta tags (read by Google Scholar and Zotero's embedded-metadata
 * translator). Dates are YYYY/MM/DD, as Google Scholar's inclusion guidelines ask; both dates are the
 * capture date, the day this text was seen online.
 */
export function versionToCitationMeta(version: CitableVersion): CitationMetaTag[] {
  const v = checkCitableVersion(version);
  return [
    { name: 'citation_title', content: v.documentTitle },
    { name: 'citation_author', content: v.platformName },
    { name: 'citation_publication_date', content: v.captured.slashDate },
    { name: 'citation_online_date', content: v.captured.slashDate },
    { name: 'citation_public_url', content: v.permalink },
    { name: 'citation_publisher', content: v.archiveName },
  ];
}
