/**
 * A unified diff as diff2html renders it, with the options both the diff pages (at build time) and
 * the compare page (in the browser) use, so that a pair looks the same wherever it is shown.
 * diff2html escapes the text of every line; nothing tracked reaches the page as markup.
 */
import { parse, type Diff2HtmlConfig } from 'diff2html';
import HoganJsUtilsModule from 'diff2html/lib/hoganjs-utils.js';
import LineByLineRendererModule from 'diff2html/lib/line-by-line-renderer.js';
import SideBySideRendererModule from 'diff2html/lib/side-by-side-renderer.js';
import type { DiffLine } from 'diff2html/lib/types.js';
import { pairChangedLines } from '../lib/diff/line-pairing';

// These modules are CommonJS with an ES default export: Node hands over the module object, whose
// `default` is the class, and bundlers the class itself.
const classOf = <T>(imported: T | { default: T }): T => (typeof imported === 'function' ? imported : (imported as { default: T }).default);
const HoganJsUtils = classOf(HoganJsUtilsModule);
const LineByLineRenderer = classOf(LineByLineRendererModule);
const SideBySideRenderer = classOf(SideBySideRendererModule);

// A changed block as row groups of src/lib/diff/line-pairing.ts instead of diff2html's own matching,
// which pairs lines by place in a block with a line over 200 characters (most policy paragraphs) and
// then marks the words of unrelated paragraphs. diff2html marks words in groups with lines on both
// sides only.
function groupChangedLines(removed: DiffLine[], added: DiffLine[]): DiffLine[][][] {
  const text = (line: DiffLine) => line.content.slice(1);
  return pairChangedLines(removed.map(text), added.map(text)).map((group) => [group.removed.map((i) => removed[i]!), group.added.map((i) => added[i]!)]);
}

class PairedSideBySideRenderer extends SideBySideRenderer {
  override applyRematchMatching(removed: DiffLine[], added: DiffLine[]): DiffLine[][][] {
    return groupChangedLines(removed, added);
  }
}

class PairedLineByLineRenderer extends LineByLineRenderer {
  override applyRematchMatching(removed: DiffLine[], added: DiffLine[]): DiffLine[][][] {
    return groupChangedLines(removed, added);
  }
}

/** diff2html's options for marking changed words; which lines are paired is decided by pairChangedLines. */
const WORD_DIFF_OPTIONS = { diffStyle: 'word', drawFileList: false } as const satisfies Diff2HtmlConfig;

/** A unified diff as diff2html renders it in `layout`, with changed words marked in paired lines only. */
export function renderPatch(patch: string, layout: 'side-by-side' | 'line-by-line'): string {
  const config = { ...WORD_DIFF_OPTIONS, outputFormat: layout } as const;
  const files = parse(patch, config);
  const templates = new HoganJsUtils({});
  return layout === 'side-by-side' ? new PairedSideBySideRenderer(templates, config).render(files) : new PairedLineByLineRenderer(templates, config).render(files);
}

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
  return joinSides(renderPatch(patch, 'side-by-side').replace(FILE_ID, ''));
}
