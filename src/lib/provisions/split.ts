import MarkdownIt from 'markdown-it';
import { headingToSlug, uniqueSlug } from './heading';

/** One section of a document: a heading and the Markdown under it, as it stands in the source lines. */
export interface Provision {
  /** URL-safe id unique within this one version (`who-we-are`, `definitions-2`); lineage ids are assigned by `assignProvisionIds`. */
  slug: string;
  /** The heading as plain text (`1. Who we are.`); for a clause without a heading, its lead-in label. */
  heading: string;
  /** 1–6 for Markdown headings, the numbering depth for clauses (`2.1` → 2), 0 for the preamble. */
  level: number;
  /** Headings of the enclosing provisions, outermost first. */
  path: string[];
  /** The Markdown under the heading (for a clause: the whole clause), without leading or trailing blank lines. */
  body: string;
  /** The provision's source lines, byte for byte, line endings included. */
  text: string;
  /** First line, 1-based. */
  startLine: number;
  /** Last line, 1-based, inclusive. */
  endLine: number;
}

/** Where a provision starts, found in the parsed Markdown. */
interface Boundary {
  /** 0-based line where the provision starts. */
  line: number;
  /** 0-based line where its body starts (after the heading lines; equal to `line` for clauses). */
  bodyLine: number;
  heading: string;
  level: number;
}

// The site renders recorded text with raw HTML disabled; the splitter must see the same block structure.
const markdown = new MarkdownIt({ html: false });
// Provisions are cut at blocks: the text inside them is parsed only where a label is read (a heading,
// the start of a paragraph or list item that may open a clause), which spares most of a parse.
const blockParser = new MarkdownIt({ html: false });
blockParser.core.ruler.disable(['inline', 'text_join']);

type Token = ReturnType<typeof markdown.parse>[number];
/** Link reference definitions found by the block parse, which inline parsing resolves links with. */
type ParseEnv = Record<string, unknown>;

/** An inline token of the block parse with its children parsed, as a full parse would give it. */
const parsedInline = (inline: Token, env: ParseEnv): Token => markdown.parseInline(inline.content, env)[0]!;

// markdown-it counts a line break as `\r\n`, `\r` or `\n` (its normalize step); lines are cut the same way.
const LINE = /[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g;

// "1.", "2.1", "2.1.3)", "IV.", "Section 3", "Article 12", "§ 4" at the start of a clause. Lettered
// items such as "(a)" are left inside their clause: they enumerate, they do not start a provision.
const CLAUSE_NUMBER =
  /^(?:(?:section|article|clause|§)\s*(\d+(?:\.\d+)*)|(\d+(?:\.\d+)*)[.)]|([ivxlc]+)[.)])(?=\s|$)/i;

const LABEL_MAX_WORDS = 12;

/**
 * Splits a version's Markdown into provisions. Documents with at least two headings (ATX `#` or setext
 * `===`/`---`, outside lists and quotes) are cut at every heading; documents with fewer are cut at
 * clause starts: top-level paragraphs that begin with a clause number ("1.", "2.1", "Section 3") or a bold
 * lead-in, and items of top-level lists that begin with either (a lone title heading is used only when
 * no clause is found). Text before the first cut is the preamble. Every line belongs to exactly one
 * provision, so joining the `text` of all
 * provisions gives back the document.
 */
export function splitProvisions(source: string): Provision[] {
  const lines = source.match(LINE) ?? [];
  if (lines.length === 0) return [];
  const env: ParseEnv = {};
  const tokens = blockParser.parse(source, env);
  const headings = findHeadings(tokens, env);
  const clauses = headings.length >= 2 ? [] : findClauses(tokens, env);
  const boundaries = clauses.length > 0 ? clauses : headings;
  return boundariesToProvisions(lines, boundaries);
}

function findHeadings(tokens: Token[], env: ParseEnv): Boundary[] {
  const boundaries: Boundary[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open' || token.level !== 0 || !token.map) return;
    boundaries.push({
      line: token.map[0],
      bodyLine: token.map[1],
      heading: inlineToText(parsedInline(tokens[index + 1]!, env)),
      level: Number(token.tag.slice(1)),
    });
  });
  return boundaries;
}

function findClauses(tokens: Token[], env: ParseEnv): Boundary[] {
  const boundaries: Boundary[] = [];
  tokens.forEach((token, index) => {
    if (!token.map) return;
    if (token.type === 'paragraph_open' && token.level === 0) {
      const clause = clauseLabel(parsedInline(tokens[index + 1]!, env));
      if (clause) boundaries.push({ line: token.map[0], bodyLine: token.map[0], ...clause });
    } else if (token.type === 'list_item_open' && token.level === 1) {
      // The first block of an item: a paragraph (inline follows it) or, for an empty item, nothing.
      const inline = tokens[index + 2];
      // An ordered item's number is in its marker (`info`, `markup`), not in its text.
      const marker = token.info ? `${token.info}${token.markup} ` : '';
      const clause = inline?.type === 'inline' ? clauseLabel(parsedInline(inline, env), marker) : undefined;
      if (clause) boundaries.push({ line: token.map[0], bodyLine: token.map[0], ...clause });
    }
  });
  return boundaries;
}

/** The label and level of a clause that starts with `inline` (after a list `marker`), or undefined when it does not start one. */
function clauseLabel(inline: Token, marker = ''): { heading: string; level: number } | undefined {
  const own = inlineToText(inline);
  const text = CLAUSE_NUMBER.test(own) ? own : `${marker}${own}`;
  const number = CLAUSE_NUMBER.exec(text);
  if (number) {
    const depth = (number[1] ?? number[2])?.split('.').length ?? 1;
    return { heading: firstSentence(text), level: depth };
  }
  // markdown-it often opens an inline run with an empty text token.
  const children = (inline.children ?? []).filter((child) => child.type !== 'text' || child.content !== '');
  const lead = children[0]?.type === 'strong_open' ? boldLeadIn(children) : undefined;
  return lead ? { heading: lead, level: 1 } : undefined;
}

/** The text of a leading `**bold**` run when it is short enough to be a label. */
function boldLeadIn(children: Token[]): string | undefined {
  const close = children.findIndex((child) => child.type === 'strong_close');
  if (close < 0) return undefined;
  const label = childrenToText(children.slice(1, close)).trim();
  return label && wordCount(label) <= LABEL_MAX_WORDS ? label.replace(/[\s:.]+$/, '') : undefined;
}

/** The clause number and its first sentence, cut at LABEL_MAX_WORDS words. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = flat.split(' ');
  // Skip the number itself ("1.1.") so its dots do not end the sentence.
  const numberWords = CLAUSE_NUMBER.exec(flat)![0].split(' ').length;
  for (let i = numberWords; i < Math.min(words.length, LABEL_MAX_WORDS); i++) {
    if (/[.:;]$/.test(words[i]!)) return words.slice(0, i + 1).join(' ');
  }
  return words.length > LABEL_MAX_WORDS ? `${words.slice(0, LABEL_MAX_WORDS).join(' ')}…` : flat;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Plain text of an inline token: link text without the URL, code without backticks, escapes resolved. */
function inlineToText(inline: Token): string {
  return childrenToText(inline.children ?? [])
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function childrenToText(children: Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'text' || child.type === 'code_inline') return child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      if (child.type === 'image') return childrenToText(child.children ?? []);
      return '';
    })
    .join('');
}

function boundariesToProvisions(lines: string[], found: Boundary[]): Provision[] {
  const boundaries = found.filter((boundary, i) => i === 0 || boundary.line > found[i - 1]!.line);
  const hasPreamble = boundaries.length === 0 || lines.slice(0, boundaries[0]!.line).some((line) => line.trim());
  const starts: Boundary[] = hasPreamble
    ? [{ line: 0, bodyLine: 0, heading: '', level: 0 }, ...boundaries]
    : // Blank lines before the first heading belong to it.
      [{ ...boundaries[0]!, line: 0 }, ...boundaries.slice(1)];

  // Reserved for the preamble, so that a heading named "Preamble" gets `preamble-2`.
  const used = new Set<string>(['preamble']);
  const nextSuffix = new Map<string, number>();
  const ancestors: Boundary[] = [];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.line : lines.length;
    while (ancestors.length && ancestors[ancestors.length - 1]!.level >= start.level) ancestors.pop();
    const path = ancestors.filter((ancestor) => ancestor.level > 0).map((ancestor) => ancestor.heading);
    ancestors.push(start);
    const slug = start.level === 0 ? 'preamble' : uniqueSlug(headingToSlug(start.heading), used, nextSuffix);
    used.add(slug);
    return {
      slug,
      heading: start.heading,
      level: start.level,
      path,
      body: lines.slice(Math.min(start.bodyLine, end), end).join('').replace(/^\s*\n|\s+$/g, ''),
      text: lines.slice(start.line, end).join(''),
      startLine: start.line + 1,
      endLine: end,
    };
  });
}
