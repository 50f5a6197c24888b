/** Citation formats of one archived version: the one import the version page needs. */
export { versionToBibtex, escapeBibtex } from './bibtex';
export { versionToCslJson, versionToCslJsonText, type CslItem, type CslDate } from './csl-json';
export { citationDownloads, type CitationDownload } from './downloads';
export { versionToJsonLd, jsonLdToScriptText, type VersionJsonLd } from './json-ld';
export { versionToCitationMeta, type CitationMetaTag } from './meta';
export { versionToReference } from './reference';
export { versionToRis } from './ris';
export { CitationError, checkCitableVersion, citableVersionSchema, type CitableVersion } from './version';
