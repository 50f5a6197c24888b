/**
 * A unified diff as diff2html renders it, with the options both the diff pages (at build time) and
 * the compare page (in the browser) use, so that a pair looks the same wherever it is shown.
 * diff2html escapes the text of every line; nothing tracked reaches the page as markup.
 */
import { html } from 'diff2html';

/**
 * diff2html's options for marking changed words. Lines of a changed block are paired by similarity
 * (Levenshtein distance) only in blocks of up to 8 × 8 lines, and by position in larger ones: the
 * pairing compares every removed line with every added one, which on long policy paragraphs was the
 * largest cost of a build.
 */
export const WORD_DIFF_OPTIONS = { diffStyle: 'word', matching: 'lines', matchingMaxComparisons: 64, drawFileList: false } as const;

// diff2html names each file's block after a hash of its name, so the two views of one diff on one
// page would share an id; nothing links to it (the file list is off), so it is dropped.
const FILE_ID = / id="d2h-[^"]*"/g;

// diff2html's side-by-side view is two tables, one per side, with a row for each line of either
// side (blank rows fill in). Policy paragraphs are long lines that must wrap to be read, and wrapped
// rows of two tables drift apart; joining the two tables row by row keeps each pair on one row.
// Tracked text is escaped, so these tags can only be diff2html's own.
const SIDE = String.raw`<div class="d2h-file-side-diff">\s*<div class="d2h-code-wrapper">\s*<table class="d2h-diff-table">\s*<tbody class="d2h-diff-tbody">([\s\S]*?)</tbody>\s*</table>\s*</div>\s*</div>`;
const SIDE_PAIR = new RegExp(`${SIDE}\\s*${SIDE}`, 'g');

const rowsOf = (tbody: string) =>
  tbody
    .split('</tr>')
    .map((row) => row.trim())
    .filter((row) => row.startsWith('<tr>'))
    .map((row) => row.slice('<tr>'.length));

const COLUMNS = '<colgroup><col class="number"><col><col class="number"><col></colgroup>';

function joinSides(sideBySide: string): string {
  return sideBySide.replace(SIDE_PAIR, (both, left: string, right: string) => {
    const leftRows = rowsOf(left);
    const rightRows = rowsOf(right);
    if (leftRows.length !== rightRows.length) return both;
    const rows = leftRows.map((row, i) => `<tr>${row}${rightRows[i]}</tr>`).join('\n');
    return `<div class="d2h-file-side-diff d2h-joined-sides"><div class="d2h-code-wrapper"><table class="d2h-diff-table">${COLUMNS}<tbody class="d2h-diff-tbody">${rows}</tbody></table></div></div>`;
  });
}

/**
 * The HTML of a unified diff, with changed words marked by <ins> and <del>: one table with a row per
 * pair of lines, which the page's CSS lays out side by side or, one side above the other, inline.
 * Rendered once for both views, since word highlighting is most of diff2html's cost.
 */
export function patchToHtml(patch: string): string {
  return joinSides(html(patch, { ...WORD_DIFF_OPTIONS, outputFormat: 'side-by-side' }).replace(FILE_ID, ''));
}
