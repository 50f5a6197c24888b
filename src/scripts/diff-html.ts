/**
 * A unified diff as diff2html renders it, with the options both the diff pages (at build time) and
 * the compare page (in the browser) use, so that a pair looks the same wherever it is shown.
 * diff2html escapes the text of every line; nothing tracked reaches the page as markup.
 */
import { html } from 'diff2html';

/** The two views of a diff: two columns, or one column with removed lines above added ones. */
export type DiffView = 'side-by-side' | 'line-by-line';

// diff2html names each file's block after a hash of its name, so the two views of one diff on one
// page would share an id; nothing links to it (the file list is off), so it is dropped.
const FILE_ID = / id="d2h-[^"]*"/g;

/** The HTML of a unified diff in one view, with changed words marked by <ins> and <del>. */
export function patchToHtml(patch: string, view: DiffView): string {
  return html(patch, { outputFormat: view, diffStyle: 'word', matching: 'lines', drawFileList: false }).replace(FILE_ID, '');
}
