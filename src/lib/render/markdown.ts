import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Renders tracked Markdown, which is hostile input: raw HTML is not interpreted (markdown-it escapes
 * it), links are limited to http(s) and mailto, and the output passes an allowlist sanitizer.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const Token = new markdown.core.State('', markdown, {}).Token;

const SAFE_URL = /^(https?:|mailto:|#|\/)/i;
markdown.validateLink = (url: string) => SAFE_URL.test(url.trim());
// Tracked pages must not make readers' browsers load anything: an image becomes a link to its source.
markdown.renderer.rules.image = (tokens, index) => {
  const image = tokens[index]!;
  const src = markdown.utils.escapeHtml(image.attrGet('src') ?? '');
  return `<a href="${src}">[${markdown.utils.escapeHtml(image.content || 'image')}]</a>`;
};

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong',
    's', 'del', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class', 'aria-label'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    'h1': ['id'], 'h2': ['id'], 'h3': ['id'], 'h4': ['id'], 'h5': ['id'], 'h6': ['id'],
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
  /** Anchor ids for headings, by the 0-based source line the heading starts on. */
  headingIds?: ReadonlyMap<number, string>;
  /** Text of the self-link each anchored heading gets. */
  selfLinkLabel?: string;
}

/**
 * Tracked Markdown to safe HTML. Headings listed in `headingIds` get that id and a link to themselves,
 * so every provision can be cited with `#<id>`.
 */
export function renderTrackedMarkdown(source: string, options: RenderOptions = {}): string {
  const tokens = markdown.parse(source, {});
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open' || !token.map) continue;
    const id = options.headingIds?.get(token.map[0]);
    if (!id) continue;
    token.attrSet('id', id);
    const inline = tokens[i + 1];
    if (inline?.type === 'inline' && inline.children) {
      const linkOpen = new Token('link_open', 'a', 1);
      linkOpen.attrSet('href', `#${id}`);
      linkOpen.attrSet('class', 'self-link');
      linkOpen.attrSet('aria-label', options.selfLinkLabel ?? 'Link to this section');
      const text = new Token('text', '', 0);
      text.content = '#';
      inline.children.push(linkOpen, text, new Token('link_close', 'a', -1));
    }
  }
  return sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), SANITIZE_OPTIONS);
}
