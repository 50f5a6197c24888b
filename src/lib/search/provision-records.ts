import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * A document's page indexed as one search record per provision. Pagefind sends the whole text of a
 * result's page to show it (its "fragment"): a long privacy policy is a 60 kB fragment, for one
 * excerpt. Indexed per provision, a result is one clause, a fragment a kilobyte or two, and each
 * record still carries its document's title and filters, so the search page groups results by
 * document and a query for "chatgpt arbitration" still finds ChatGPT's arbitration clause.
 *
 * Reads the page's `data-pagefind-body` element: provisions start at elements with
 * `data-pagefind-title` (see pagefind-anchors.ts); `data-pagefind-meta` and `data-pagefind-filter`
 * elements (SearchIndexMeta.astro) are copied into every record.
 */

const PROVISION = '[data-pagefind-title]';
const INDEX_ATTRIBUTES = '[data-pagefind-meta], [data-pagefind-filter]';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const openTag = (name: string, attributes: Record<string, string>) =>
  `<${name}${Object.entries(attributes)
    .map(([attribute, value]) => ` ${attribute}="${escapeAttribute(value)}"`)
    .join('')}>`;

// An element reopened in the next record after a provision started inside it: its id and title stay
// with the first record, so that no anchor appears twice.
const reopenTag = ({ name, attribs: { id: _id, 'data-pagefind-title': _title, ...kept } }: Element) => openTag(name, kept);


/** One search record of a page: the provision it starts with (null for the text before the first one) and its HTML page. */
export interface ProvisionRecord {
  id: string | null;
  html: string;
}

const NO_TEXT = /^\s*$/;

/**
 * The page's search records, each a complete HTML page holding one provision (and the text before the
 * first provision, if any, as a record of its own), or null when the page has no provisions to split at.
 */
export function splitProvisionRecords(html: string): ProvisionRecord[] | null {
  const $: CheerioAPI = load(html);
  const body = $('[data-pagefind-body]').first();
  if (body.length === 0 || body.find(PROVISION).length === 0) return null;
  const indexAttributes = body
    .find(INDEX_ATTRIBUTES)
    .toArray()
    .map((element) => $.html(element))
    .join('');
  const holders = body.find(INDEX_ATTRIBUTES).parent().not(body);
  body.find(INDEX_ATTRIBUTES).remove();
  holders.filter((_, holder) => $(holder).contents().length === 0).remove();
  const provisions = new Set(body.find(PROVISION).toArray());
  const holdsProvision = new Set<AnyNode>();
  for (const provision of provisions) {
    for (let node = provision.parent; node && node !== body[0]; node = node.parent) holdsProvision.add(node);
  }

  type Gathering = ProvisionRecord & { hasText: boolean };
  const records: Gathering[] = [];
  const open: Element[] = [];
  let current: Gathering = { id: null, html: '', hasText: false };
  const visit = (node: AnyNode) => {
    if (node.type !== 'tag') {
      current.html += $.html(node);
      current.hasText ||= node.type === 'text' && !NO_TEXT.test(node.data);
      return;
    }
    const element = node as Element;
    // A provision that starts before any text of the record (a list's first clause) joins that record.
    if (provisions.has(element) && current.hasText) {
      current.html += [...open].reverse().map((ancestor) => `</${ancestor.name}>`).join('');
      records.push(current);
      current = { id: element.attribs.id ?? null, html: open.map(reopenTag).join(''), hasText: false };
    } else if (provisions.has(element)) current.id ??= element.attribs.id ?? null;
    if (!holdsProvision.has(element)) {
      current.html += $.html(element);
      current.hasText ||= !NO_TEXT.test($(element).text());
      return;
    }
    current.html += openTag(element.name, element.attribs);
    open.push(element);
    element.children.forEach(visit);
    open.pop();
    current.html += `</${element.name}>`;
  };
  body.contents().each((_, node) => visit(node));
  records.push(current);

  const lang = $('html').attr('lang');
  const container = body[0]!;
  return records
    .filter((record) => record.hasText)
    .map(({ id, html }) => ({
      id,
      html: `<!doctype html><html${lang ? ` lang="${escapeAttribute(lang)}"` : ''}><body>${openTag(container.name, container.attribs)}<div hidden>${indexAttributes}</div>${html}</${container.name}></body></html>`,
    }));
}

/** The URL Pagefind gives a page from its path in the built site: `chatgpt/terms-of-use/index.html` → `/chatgpt/terms-of-use/`. */
export function pageUrlOf(sitePath: string): string {
  return `/${sitePath.split('\\').join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}
