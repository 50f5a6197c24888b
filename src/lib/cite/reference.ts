import { checkCitableVersion, type CitableVersion } from './version';

/**
 * The human reference of a version, e.g. `Claude.ai, "Privacy Policy", version captured 8 July 2026
 * at 10:31 UTC. Fineprint archive. https://…/20260708103115/ (SHA-256 ab12…)`. The hash is given in
 * full: it is what lets a reader check the text they find is the text that was cited.
 */
export function versionToReference(version: CitableVersion): string {
  const v = checkCitableVersion(version);
  // Double quotes inside a quoted title become single quotes, as style guides nest them.
  const title = v.documentTitle.replace(/"/g, "'");
  return (
    `${v.platformName}, "${title}", version captured ${v.captured.humanDate} at ${v.captured.hourMinute} UTC. ` +
    `${v.archiveName}. ${v.permalink} (SHA-256 ${v.sha256})`
  );
}
