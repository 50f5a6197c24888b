import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Renders tracked Markdown, which is hostile input: raw HTML is not interpreted (markdown-it escapes
 * it), links are limited to http(s) and mailto, and the output passes an allowlist sanitizer.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const Token = new markdown.core.State('', markdown, {}).Token;

const SAFE_URL = /^(https?:|mailto:|#|\/)/i;
const ABSOLUTE_URL = /^(https?:|mailto:)/i;
markdown.validateLink = (url: string) => SAFE_URL.test(url.trim());
// Tracked pages must not make readers' browsers load anything: an image becomes a link to its source.
markdown.renderer.rules.image = (tokens, index) => {
  const image = tokens[index]!;
  const src = String(image.attrGet('src') ?? '');
  const label = `[${markdown.utils.escapeHtml(image.content || 'image')}]`;
  // A relative source is the tracked site's, not ours: name the image without a link.
  return ABSOLUTE_URL.test(src) ? `<a href="${markdown.utils.escapeHtml(src)}">${label}</a>` : label;
};

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong',
    's', 'del', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class', 'aria-label'],
    th: ['style'],
    td: ['style'],
    'h1': ['id'], 'h2': ['id'], 'h3': ['id'], 'h4': ['id'], 'h5': ['id'], 'h6': ['id'],
    p: ['id'], li: ['id'], ul: ['id'], ol: ['start', 'id'], blockquote: ['id'], table: ['id'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
};

/** Options of `renderTrackedMarkdown`. */
export interface RenderOptions {
  /** Anchor ids by the 0-based source line a block (a heading, or the paragraph that opens a clause) starts on. */
  headingIds?: ReadonlyMap<number, string>;
  /** Text of the self-link each anchored heading gets. */
  selfLinkLabel?: string;
}

/**
 * Links of tracked text that would mislead or say nothing: relative links (`/doc?s=…`) and fragment
 * links point into the source site and its anchors, which our pages do not have (except the provision
 * ids they share), and links without words (`[](mailto:…)`) cannot be named for screen readers. Keep
 * their words, drop the link.
 */
function unlinkUnusableLinks(tokens: ReturnType<typeof markdown.parse>, ids: ReadonlySet<string>): void {
  const isUsable = (href: string) => ABSOLUTE_URL.test(href) || (href.startsWith('#') && ids.has(decodeURIComponent(href.slice(1))));
  for (const inline of tokens) {
    const children = inline.children ?? [];
    children.forEach((child, index) => {
      if (child.type !== 'link_open') return;
      const close = children.findIndex((token, at) => at > index && token.type === 'link_close');
      if (close === -1) return;
      const words = children.slice(index + 1, close).some((token) => token.content.trim() !== '' || token.type === 'image');
      if (words && isUsable(String(child.attrGet('href') ?? '').trim())) return;
      for (const token of [child, children[close]!]) Object.assign(token, { type: 'text', tag: '', nesting: 0, attrs: null, content: '' });
    });
  }
}

/**
 * Tracked Markdown to safe HTML. Blocks listed in `headingIds` get that id and a link to themselves,
 * so every provision can be cited with `#<id>`.
 */
export function renderTrackedMarkdown(source: string, options: RenderOptions = {}): string {
  const tokens = markdown.parse(source, {});
  unlinkUnusableLinks(tokens, new Set(options.headingIds?.values()));
  const anchored = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.block || token.nesting !== 1 || !token.map) continue;
    const line = token.map[0];
    const id = options.headingIds?.get(line);
    if (!id || anchored.has(line)) continue;
    anchored.add(line);
    token.attrSet('id', id);
    // The self-link goes at the end of the first inline content inside the anchored block.
    const inline = tokens.slice(i + 1).find((t) => t.type === 'inline');
    if (!inline?.children) continue;
    const linkOpen = new Token('link_open', 'a', 1);
    linkOpen.attrSet('href', `#${id}`);
    linkOpen.attrSet('class', 'self-link');
    linkOpen.attrSet('aria-label', options.selfLinkLabel ?? 'Link to this section');
    const text = new Token('text', '', 0);
    text.content = '#';
    inline.children.push(linkOpen, text, new Token('link_close', 'a', -1));
  }
  return sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), SANITIZE_OPTIONS);
}
