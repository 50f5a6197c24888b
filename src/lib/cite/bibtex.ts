import { checkCitableVersion, versionToNote, type CitableVersion } from './version';

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // Not special to BibTeX, but LaTeX's default OT1 font encoding prints them as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Escapes the characters BibTeX and LaTeX give a meaning to, in one pass so inserted braces stay intact. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_~^<>]/g, (char) => LATEX_ESCAPES[char]!);
}

/**
 * A BibTeX `@misc` entry for a version, keyed `<platform>-<document>-<stamp>`. Title and author sit
 * in double braces so that styles keep their capitalisation and read the platform as one corporate
 * author, never as "Last, First". URLs go unescaped: `url` is read verbatim by biblatex and `\url{}`,
 * and a normalised http(s) URL without query has no braces. `urldate` is present only when an access
 * date is given.
 */
export function versionToBibtex(version: CitableVersion): string {
  const v = checkCitableVersion(version);
  const fields: [string, string][] = [
    ['title', `{{${escapeBibtex(v.documentTitle)}}}`],
    ['author', `{{${escapeBibtex(v.platformName)}}}`],
    ['year', `{${v.captured.year}}`],
    ['month', BIBTEX_MONTHS[v.captured.month - 1]!],
    ['day', `{${v.captured.day}}`],
    ['howpublished', `{${escapeBibtex(v.archiveName)}, \\url{${v.permalink}}}`],
    ['url', `{${v.permalink}}`],
    ['note', `{${versionToNote(v)}}`],
  ];
  if (v.accessedParts) fields.push(['urldate', `{${v.accessedParts.isoDate}}`]);
  return `@misc{${v.key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}
