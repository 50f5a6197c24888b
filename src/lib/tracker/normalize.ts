/**
 * Deterministic clean-up of extracted text, so that the same policy always gives the same bytes:
 * URLs without tracking parameters, one date style, one whitespace style, Unicode NFC.
 */

/** Query parameters that only track visitors; always stripped from links. */
export const TRACKING_QUERY_PARAMS = [
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term', 'utm_id',
  'gclid', 'fbclid', 'msclkid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '_ga', '_gl', 'yclid', 'igshid',
];

/** Decodes a Cloudflare-obfuscated e-mail address (hex: first byte is the XOR key); undefined if malformed. */
export function decodeCloudflareEmail(hex: string): string | undefined {
  if (!/^([0-9a-f]{2}){2,}$/i.test(hex)) return undefined;
  const key = parseInt(hex.slice(0, 2), 16);
  let email = '';
  for (let i = 2; i < hex.length; i += 2) email += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16) ^ key);
  return email;
}

/** Declared link noise: query parameters to strip and rewrites (regular expression → replacement). */
export interface LinkRules {
  stripParams: readonly string[];
  rewrites: readonly { match: string; replace: string }[];
}

/**
 * A link target made absolute against `base`, without tracking parameters (the default list plus
 * the declared ones), rewritten by the declared rewrites, with Cloudflare e-mail protection links
 * turned back into mailto: links. Non-http(s) schemes other than mailto/tel are dropped (undefined).
 */
export function cleanUrl(href: string, base: string, rules: LinkRules): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (url.pathname.startsWith('/cdn-cgi/l/email-protection')) {
    const email = decodeCloudflareEmail(url.hash.slice(1));
    return email ? `mailto:${email}` : undefined;
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') return url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const strip = new Set([...TRACKING_QUERY_PARAMS, ...rules.stripParams].map((p) => p.toLowerCase()));
  for (const key of [...url.searchParams.keys()]) {
    if (strip.has(key.toLowerCase())) url.searchParams.delete(key);
  }
  return rules.rewrites.reduce((href, rewrite) => href.replace(new RegExp(rewrite.match), rewrite.replace), url.href);
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTH_PATTERN = `(${MONTHS.map((m) => `${m}|${m.slice(0, 3)}\\.?`).join('|')})`;
const MONTH_FIRST = new RegExp(`\\b${MONTH_PATTERN} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'g');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_PATTERN},? (\\d{4})\\b`, 'g');

function monthName(token: string): string {
  const prefix = token.slice(0, 3).toLowerCase();
  return MONTHS.find((m) => m.slice(0, 3).toLowerCase() === prefix)!;
}

/** Rewrites written dates ("July 8, 2026", "8th Jul 2026") into one style: "8 July 2026". */
export function normalizeDates(text: string): string {
  return text
    .replace(MONTH_FIRST, (_all, month: string, day: string, year: string) => `${Number(day)} ${monthName(month)} ${year}`)
    .replace(DAY_FIRST, (_all, day: string, month: string, year: string) => `${Number(day)} ${monthName(month)} ${year}`);
}

/**
 * Normalises Markdown: NFC, LF line ends, no zero-width or non-breaking spaces, no trailing spaces,
 * at most one blank line in a row, `*` list markers, and exactly one final newline.
 */
export function normalizeMarkdown(markdown: string, options: { dateFormats: boolean }): string {
  let text = markdown
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/^(\s*)[-+]( {1,3})(?=\S)/gm, (_all, indent: string, gap: string) => `${indent}*${gap}`)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (options.dateFormats) text = normalizeDates(text);
  return text ? `${text}\n` : '';
}
