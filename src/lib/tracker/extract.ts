import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import TurndownService from 'turndown';
import { tables, strikethrough } from 'turndown-plugin-gfm';
import { ExtractError } from '../errors';
import type { NoiseRules, Selector } from '../schemas/declaration';
import { cleanUrl, decodeCloudflareEmail, normalizeMarkdown } from './normalize';

/**
 * Bump when a change of extraction or normalisation changes the recorded text of unchanged pages:
 * the next run then records the differences as technical upgrades, not as policy changes.
 */
export const EXTRACTOR_VERSION = '1';

/** How to extract one page. */
export interface ExtractOptions {
  url: string;
  select: readonly Selector[];
  remove: readonly Selector[];
  noise: NoiseRules;
}

/** Elements that never carry policy text. */
const ALWAYS_DROPPED = 'script, style, noscript, template, iframe, object, embed, form, input, button, select, textarea, svg, canvas, link, meta';
/** Attributes kept on the elements we convert; everything else (tracking, styling, data-*) goes. */
const KEPT_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'colspan', 'rowspan']);

const START = 'fineprint-range-start';
const END = 'fineprint-range-end';

function describe(selector: Selector): string {
  return typeof selector === 'string' ? `"${selector}"` : JSON.stringify(selector);
}

function query($: cheerio.CheerioAPI, css: string): cheerio.Cheerio<AnyNode> {
  try {
    return $(css);
  } catch (error) {
    throw new ExtractError(
      `Invalid CSS selector "${css}": ${(error as Error).message}. Fix it in the declaration.`,
      'invalid-selector',
      { cause: error },
    );
  }
}

/** The HTML between the two ends of a range selector, or undefined when an end matched nothing. */
function rangeToHtml(html: string, range: Exclude<Selector, string>): string | undefined {
  const $ = cheerio.load(html);
  const start = query($, (range.start_before ?? range.start_after)!).first();
  const end = query($, (range.end_before ?? range.end_after)!).first();
  if (!start.length || !end.length) return undefined;
  const startMarker = `<!--${START}-->`;
  const endMarker = `<!--${END}-->`;
  if (range.start_before) start.before(startMarker);
  else start.after(startMarker);
  if (range.end_before) end.before(endMarker);
  else end.after(endMarker);
  const marked = $.html();
  const from = marked.indexOf(startMarker);
  const to = marked.indexOf(endMarker);
  if (to < from) return undefined;
  return marked.slice(from + startMarker.length, to);
}

function removeSelector($: cheerio.CheerioAPI, selector: Selector): void {
  if (typeof selector === 'string') {
    query($, selector).remove();
    return;
  }
  const inner = rangeToHtml($.html(), selector);
  if (inner === undefined) return;
  const body = $.html().replace(inner, '');
  $.root().empty().append(cheerio.load(body).root().children());
}

/** Applies remove, then select, then cleans what is left; returns the HTML of the policy text. */
export function selectPolicyHtml(html: string, options: ExtractOptions): string {
  const $ = cheerio.load(html);
  $(ALWAYS_DROPPED).remove();
  $('*')
    .contents()
    .filter((_, node) => node.type === 'comment')
    .remove();
  for (const selector of [...options.remove, ...options.noise.drop_selectors]) removeSelector($, selector);

  let parts: string[];
  if (options.select.length === 0) {
    parts = [$('body').length ? $('body').html() ?? '' : $.html()];
  } else {
    parts = [];
    for (const selector of options.select) {
      if (typeof selector === 'string') {
        const matched = query($, selector);
        // Keep only outermost matches so nested matches are not extracted twice.
        const matchedSet = new Set<AnyNode>(matched.toArray());
        for (const element of matched.toArray()) {
          if ($(element).parents().toArray().every((parent) => !matchedSet.has(parent))) parts.push($.html(element));
        }
        if (!matched.length) throw noMatch(selector, options.url);
      } else {
        const inner = rangeToHtml($.html(), selector);
        if (inner === undefined) throw noMatch(selector, options.url);
        parts.push(inner);
      }
    }
  }
  return cleanHtml(parts.join('\n'), options);
}

function noMatch(selector: Selector, url: string): ExtractError {
  return new ExtractError(
    `Selector ${describe(selector)} matched nothing at ${url}. The page layout may have changed: check the declaration's select.`,
    'selector-no-match',
  );
}

function cleanHtml(html: string, options: ExtractOptions): string {
  const $ = cheerio.load(html, null, false);
  $('[data-cfemail]').each((_, element) => {
    const email = decodeCloudflareEmail($(element).attr('data-cfemail') ?? '');
    $(element).replaceWith(email ?? '');
  });
  $('*').each((_, node) => {
    const element = node as Element;
    for (const name of Object.keys(element.attribs)) {
      if (!KEPT_ATTRIBUTES.has(name)) $(element).removeAttr(name);
    }
    for (const name of ['href', 'src'] as const) {
      const value = element.attribs[name];
      if (value === undefined) continue;
      const cleaned = cleanUrl(value, options.url, {
        stripParams: options.noise.strip_query_params,
        rewrites: options.noise.link_rewrites,
      });
      if (cleaned === undefined) $(element).removeAttr(name);
      else $(element).attr(name, cleaned);
    }
  });
  // Images without alternative text add only a URL that changes with every CDN deploy.
  $('img:not([alt])').remove();
  $('img[alt=""]').remove();
  return $.html();
}

let turndown: TurndownService | undefined;

/** One shared converter: the same options and rules for every page, so the output is stable. */
function converter(): TurndownService {
  if (!turndown) {
    turndown = new TurndownService({ headingStyle: 'setext', bulletListMarker: '*', codeBlockStyle: 'fenced', emDelimiter: '_' });
    turndown.use([tables, strikethrough]);
  }
  return turndown;
}

/** Converts the policy HTML of one page to Markdown (not yet normalised). */
export function htmlToMarkdown(html: string): string {
  return converter().turndown(html);
}

/** Extracts the policy text of one HTML page as normalised Markdown. */
export function extractPage(html: string, options: ExtractOptions): string {
  return normalizeMarkdown(htmlToMarkdown(selectPolicyHtml(html, options)), { dateFormats: options.noise.date_formats });
}

/** Joins the texts of the pages of a document, in declaration order. */
export function combinePages(texts: readonly string[]): string {
  return normalizeMarkdown(texts.join('\n\n'), { dateFormats: false });
}
