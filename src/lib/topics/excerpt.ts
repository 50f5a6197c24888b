/** The start of a Markdown text that a page quotes, and whether the rest was left out. */
export interface Excerpt {
  text: string;
  truncated: boolean;
}

/**
 * The start of a Markdown text of at most `maxChars` characters: whole blocks (paragraphs, lists,
 * tables) while they fit, always something of the first one; a first block longer than `maxChars`
 * is cut at the last space before the limit (or at the limit when it has none).
 */
export function excerptMarkdown(markdown: string, maxChars: number): Excerpt {
  const text = markdown.trim();
  if (text.length <= maxChars) return { text, truncated: false };
  const blockEnd = text.lastIndexOf('\n\n', maxChars);
  if (blockEnd > 0) return { text: text.slice(0, blockEnd).trimEnd(), truncated: true };
  const space = text.lastIndexOf(' ', maxChars);
  return { text: `${text.slice(0, space > 0 ? space : maxChars).trimEnd()} …`, truncated: true };
}
