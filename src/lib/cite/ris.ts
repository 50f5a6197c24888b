import { checkCitableVersion, versionToNote, type CitableVersion } from './version';

/**
 * A RIS record of a version. RIS is line-based: each line is a two-letter tag, two spaces, a hyphen
 * and a space, then the value; lines end with CRLF and `ER  - ` closes the record. Every value is
 * already on one line (see `toOneLine`), so no input can end the record early. `Y2` (access date)
 * is present only when an access date is given.
 */
export function versionToRis(version: CitableVersion): string {
  const v = checkCitableVersion(version);
  const lines: [string, string][] = [
    ['TY', 'ELEC'],
    ['TI', v.documentTitle],
    ['AU', v.platformName],
    ['PY', String(v.captured.year)],
    ['DA', `${v.captured.slashDate}/`],
    ['UR', v.permalink],
    ['N1', versionToNote(v)],
    ['DB', v.archiveName],
  ];
  if (v.accessedParts) lines.push(['Y2', `${v.accessedParts.slashDate}/`]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value}\r\n`).join('');
}
