import { checkCitableVersion, type CitableVersion } from './version';

interface JsonLdOrganization {
  '@type': 'Organization';
  name: string;
}

/** The schema.org description of one archived version, as embedded in its permalink page. */
export interface VersionJsonLd {
  '@context': 'https://schema.org';
  '@type': 'DigitalDocument';
  '@id': string;
  url: string;
  name: string;
  version: string;
  dateCreated: string;
  identifier: { '@type': 'PropertyValue'; propertyID: 'sha256'; value: string };
  encoding: { '@type': 'MediaObject'; contentUrl: string; encodingFormat: 'text/markdown'; sha256: string };
  author: JsonLdOrganization;
  publisher: JsonLdOrganization;
  isPartOf: { '@type': 'DigitalDocument'; '@id': string; url: string; name: string; author: JsonLdOrganization };
  isBasedOn?: string[];
}

/**
 * The schema.org `DigitalDocument` of a version: its permalink, capture time, the SHA-256 of the
 * recorded text (also on the raw `.md` file as a MediaObject), the platform as author, the archive as
 * publisher, the document it is a version of, and the pages it was captured from (when known).
 */
export function versionToJsonLd(version: CitableVersion): VersionJsonLd {
  const v = checkCitableVersion(version);
  const author: JsonLdOrganization = { '@type': 'Organization', name: v.platformName };
  return {
    '@context': 'https://schema.org',
    '@type': 'DigitalDocument',
    '@id': v.permalink,
    url: v.permalink,
    name: v.documentTitle,
    version: v.versionStamp,
    dateCreated: v.captured.isoDateTime,
    identifier: { '@type': 'PropertyValue', propertyID: 'sha256', value: v.sha256 },
    encoding: { '@type': 'MediaObject', contentUrl: v.rawUrl, encodingFormat: 'text/markdown', sha256: v.sha256 },
    author,
    publisher: { '@type': 'Organization', name: v.archiveName },
    isPartOf: { '@type': 'DigitalDocument', '@id': v.documentUrl, url: v.documentUrl, name: v.documentTitle, author },
    ...(v.sourceUrls.length > 0 && { isBasedOn: v.sourceUrls }),
  };
}

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Serialises JSON-LD for `<script type="application/ld+json" set:html={…}>`: `<`, `>` and `&` become
 * JSON `\u` escapes, so no tracked text (a platform name holding `</script>` or `<!--`) can close the
 * script or open a comment, and U+2028/U+2029 are escaped for older JavaScript parsers. The result
 * is still JSON that parses back to the same object.
 */
export function jsonLdToScriptText(jsonLd: object): string {
  return JSON.stringify(jsonLd).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_UNSAFE[char]!);
}
