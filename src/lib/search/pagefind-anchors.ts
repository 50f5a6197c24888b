/**
 * Pagefind attributes on a rendered version. Pagefind makes one sub-result per element with an `id`
 * inside `data-pagefind-body` only when that element is a heading (h1–h6) or carries
 * `data-pagefind-title="<title>"` (then the title names the sub-result). Clauses of documents without
 * headings are anchored on paragraphs and list items, so each anchored element gets that attribute
 * with its provision's heading; headings get it too, so a sub-result is titled without the self-link "#".
 */

/** A provision anchored in rendered HTML: its id and the heading that names it. */
export interface AnchoredProvision {
  id: string;
  heading: string;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The "#" self-link renderTrackedMarkdown puts in each anchored block: not words of the policy.
const SELF_LINK = /<a\b[^>]*\sclass="self-link"/g;

/**
 * Adds `data-pagefind-title` to the opening tag of each element whose `id` is a provision id, so every
 * provision is a search sub-result. Expects the sanitizer's output (`<p id="terms">`: double-quoted
 * attributes); ids not found are left alone. Self-links get `data-pagefind-ignore`, so "#" is not in
 * excerpts.
 */
export function titleProvisionAnchors(html: string, provisions: readonly AnchoredProvision[]): string {
  const headings = new Map(provisions.map((provision) => [provision.id, provision.heading]));
  return html.replace(SELF_LINK, '$& data-pagefind-ignore').replace(/<([a-z][a-z0-9]*)((?:\s[^>]*?)?)\sid="([^"]*)"/g, (tag, name: string, before: string, id: string) => {
    const heading = headings.get(id);
    if (heading === undefined) return tag;
    return `<${name}${before} id="${id}" data-pagefind-title="${escapeAttribute(heading || id)}"`;
  });
}
