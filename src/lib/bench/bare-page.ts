/**
 * A version's text as a page of the bare Astro build, which publishes the text and nothing else:
 * - an empty front matter block first, since Astro reads a "---" line at the start of a file (after
 *   any blank lines) as front matter;
 * - images as links, as the site renders them, since Astro resolves the source of a Markdown image
 *   as a module to bundle, and a tracked page's sources ("../images/logo.png", "#") are not files here.
 */
export function bareMarkdownPage(text: string): string {
  return `---\n---\n${text.replaceAll('![', '\\![')}`;
}
