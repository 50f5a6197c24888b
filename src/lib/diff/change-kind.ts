/**
 * The kind of a change between two consecutive versions: `technical` when the commit says it is a
 * re-extraction, `cosmetic` when the two texts are equal once noise is normalised away by the named
 * rules below, `substantive` otherwise. The rules and their descriptions are shown as they are on
 * the methodology page, so every cosmetic verdict can be explained and checked by a reader.
 */
import type { RecordKind } from '../history/commit-message';
import { differingLineBounds } from './common-lines';
import { rewriteDatesToIso } from './dates';

/** The kind of a change. */
export type ChangeKind = 'substantive' | 'cosmetic' | 'technical';

/** The id of one normalisation rule. */
export type ChangeRuleId =
  | 'invisible-characters'
  | 'tracking-query-parameters'
  | 'url-noise'
  | 'link-targets'
  | 'relative-dates'
  | 'markdown-emphasis'
  | 'markdown-escaping'
  | 'typographic-quotes'
  | 'date-formats'
  | 'whitespace';

/** One normalisation rule: two texts equal after it differ only in what it describes. */
export interface ChangeRule {
  id: ChangeRuleId;
  /** One line for the methodology page. */
  description: string;
  normalize: (text: string) => string;
}

/** Removes zero-width spaces, joiners, soft hyphens and byte-order marks, which no reader sees. */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');
}

// A URL as it appears in Markdown text or in a link target; stops at brackets and quotes.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'()[\]]+/gi;

const TRACKING_NAMES = new Set([
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'igshid', 'li_fat_id', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', '__hstc', '__hssc',
  '__hsfp', 'mkt_tok', 'ref', 'ref_src', 'referrer', 'openaicom-did', 'openaicom_referred',
  'sid', 'session', 'sessionid', 'session_id', 'jsessionid', 'phpsessid', 'visitorid', 'visitor_id',
  'deviceid', 'device_id', 'anonymousid', 'anonymous_id',
]);
const TRACKING_PREFIXES = ['utm_', 'mtm_', 'pk_', 'hsa_', 'matomo_'];
// Names that, with an opaque UUID value, identify a visit or a device rather than a page.
const ID_LIKE_NAME = /(did|sid|session|visitor|device|anon|track|click|trk)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isTrackingParameter(pair: string): boolean {
  const [rawName = '', value = ''] = pair.split('=', 2);
  const name = safeDecode(rawName).toLowerCase();
  if (TRACKING_NAMES.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  return ID_LIKE_NAME.test(name) && UUID.test(safeDecode(value));
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function splitUrl(url: string): { head: string; query: string | null; fragment: string | null } {
  const hashAt = url.indexOf('#');
  const fragment = hashAt === -1 ? null : url.slice(hashAt + 1);
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  return queryAt === -1
    ? { head: beforeHash, query: null, fragment }
    : { head: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), fragment };
}

/**
 * Drops tracking parameters from every URL: utm_* and other analytics campaign tags, ad click ids
 * (gclid, fbclid, msclkid…), referral tags (ref, openaicom_referred), session and device ids, and
 * any parameter named like a visit or device id whose value is a UUID (openaicom-did=<uuid>).
 */
export function removeTrackingQueryParameters(text: string): string {
  return text.replace(URL_PATTERN, (url) => {
    const { head, query, fragment } = splitUrl(url);
    if (query === null) return url;
    const kept = query.split('&').filter((pair) => pair !== '' && !isTrackingParameter(pair));
    return `${head}${kept.length ? `?${kept.join('&')}` : ''}${fragment === null ? '' : `#${fragment}`}`;
  });
}

/**
 * Reduces every URL to what names the page: http and https, letter case of the host, a leading
 * "www.", a default port, a trailing slash, an empty query and the #fragment do not count.
 */
export function normalizeUrlNoise(text: string): string {
  return text.replace(URL_PATTERN, (url) => {
    const { head, query } = splitUrl(url);
    const match = /^https?:\/\/([^/]*)(.*)$/i.exec(head);
    if (!match) return url;
    const host = match[1]!.toLowerCase().replace(/^www\./, '').replace(/:(80|443)$/, '');
    const path = match[2]!.replace(/\/+$/, '');
    return `https://${host}${path}${query ? `?${query}` : ''}`;
  });
}

// [text](target "title") with one level of parentheses inside the target, and [id]: target lines.
const INLINE_LINK_TARGET = /(\[(?:[^[\]\\]|\\.)*\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g;
const REFERENCE_DEFINITION = /^(\s{0,3}\[[^\]]+\]:)\s*\S+.*$/gm;

/** Keeps the text of every Markdown link and drops its brackets and target, so a link that only points elsewhere, or appears or disappears around the same words, counts as unchanged. */
export function removeLinkTargets(text: string): string {
  return text.replace(INLINE_LINK_TARGET, (_link, label: string) => label.slice(1, -1)).replace(REFERENCE_DEFINITION, '$1');
}

const RELATIVE_DATE = /\b(?:(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|yesterday|today|just now)\b/gi;
// Every relative date holds one of these words. Looking for them first halves the cost on the texts
// that have none, which are nearly all: the pattern above is tried at every word.
const RELATIVE_DATE_WORD = /ago\b|yesterday|today|just now/i;

/** Treats relative times written at rendering time ("Updated: 22 days ago", "yesterday", "an hour ago") as the same time. */
export function normalizeRelativeDates(text: string): string {
  return RELATIVE_DATE_WORD.test(text) ? text.replace(RELATIVE_DATE, 'some time ago') : text;
}

/** Drops Markdown emphasis markers (**bold**, __bold__, *italic*, _italic_), keeping underscores inside words. */
export function removeEmphasisMarkers(text: string): string {
  return text
    .replace(/(?<!\\)(\*\*|__)/g, '')
    .replace(/(?<![\\\w*])[*_](?=[^\s*_])/g, '')
    .replace(/(?<=[^\s\\*_])[*_](?![\w*])/g, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Reads Markdown backslash escapes (`1\.`, `\_`, `\[`) and HTML character references (`&amp;`, `&#39;`) as the characters they stand for. */
export function removeMarkdownEscapes(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return ENTITIES[lower] ?? entity;
    });
}

/** Reads curly quotes and apostrophes as straight ones (’ as ', “ and ” as "). */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

/** Reads every written date ("8 July 2026", "July 8, 2026", "Jul 8th, 2026") as its ISO form (2026-07-08), so only a different day counts. */
export function normalizeDateFormats(text: string): string {
  return rewriteDatesToIso(text);
}

/** Counts every run of spaces, tabs, non-breaking spaces, line breaks and blank lines as one space, and a space before a closing punctuation mark or after an opening bracket as none. */
export function collapseWhitespace(text: string): string {
  return text
    // Only runs that are not already one plain space: most matches of /\s+/ would be single spaces.
    .replace(/[^\S ]\s*| \s+/g, ' ')
    .replace(/ (?=[.,;:!?)\]])/g, '')
    .replace(/([([]) /g, '$1')
    .trim();
}

/** Every normalisation rule, in the order they are applied. */
export const CHANGE_RULES: readonly ChangeRule[] = [
  {
    id: 'invisible-characters',
    description: 'Invisible characters (zero-width spaces, word joiners, soft hyphens) are ignored.',
    normalize: removeInvisibleCharacters,
  },
  {
    id: 'tracking-query-parameters',
    description:
      'Tracking parameters in links are ignored: utm_* campaign tags, ad click ids, referral tags, session and device ids such as openaicom-did=<uuid>.',
    normalize: removeTrackingQueryParameters,
  },
  {
    id: 'url-noise',
    description:
      'Links that name the same page are the same: http or https, "www.", host letter case, a trailing slash or a #fragment do not count.',
    normalize: normalizeUrlNoise,
  },
  {
    id: 'link-targets',
    description:
      'Where a link points is not part of the text: the same words linked to another address, or linked or not, are the same text.',
    normalize: removeLinkTargets,
  },
  {
    id: 'relative-dates',
    description: 'Relative times computed when the page is shown ("Updated: 22 days ago", "yesterday") are ignored.',
    normalize: normalizeRelativeDates,
  },
  {
    id: 'markdown-emphasis',
    description: 'Bold and italic markers are ignored: the same words with or without emphasis are the same text.',
    normalize: removeEmphasisMarkers,
  },
  {
    id: 'markdown-escaping',
    description: 'Escaped and unescaped characters are the same ("1\\." and "1.", "&amp;" and "&").',
    normalize: removeMarkdownEscapes,
  },
  {
    id: 'typographic-quotes',
    description: 'Curly and straight quotes and apostrophes are the same (don’t and don\'t).',
    normalize: straightenQuotes,
  },
  {
    id: 'date-formats',
    description: 'The same day written differently is the same date ("8 July 2026", "July 8, 2026", "2026-07-08").',
    normalize: normalizeDateFormats,
  },
  {
    id: 'whitespace',
    description: 'Spaces, line breaks and blank lines count as one space; a space before punctuation does not count.',
    normalize: collapseWhitespace,
  },
];

// When two sets of rules both explain a change, the narrower explanation is kept: rules are
// tried for removal broadest first, so link-targets goes before tracking-query-parameters.
const REMOVAL_ORDER: readonly ChangeRuleId[] = [
  'link-targets',
  'whitespace',
  'markdown-emphasis',
  'markdown-escaping',
  'typographic-quotes',
  'url-noise',
  'date-formats',
  'relative-dates',
  'tracking-query-parameters',
  'invisible-characters',
];

/** Applies the given rules, in the order of CHANGE_RULES, to a text. */
export function normalizeText(text: string, rules: ReadonlySet<ChangeRuleId>): string {
  let result = text;
  for (const rule of CHANGE_RULES) if (rules.has(rule.id)) result = rule.normalize(result);
  return result;
}

/** The lines where two texts differ: both texts without their common leading and trailing lines. */
export function differingRegion(before: string, after: string): { before: string; after: string } {
  const a = before.split('\n');
  const b = after.split('\n');
  const { start, endA, endB } = differingLineBounds(a, b);
  return { before: a.slice(start, endA).join('\n'), after: b.slice(start, endB).join('\n') };
}

/** Input of `classifyChange`: the kind the recording commit states, and the two texts. */
export interface ChangeInput {
  commitKind: RecordKind;
  before: string;
  after: string;
}

/** A change's kind and, for a cosmetic change, the rules that make the two texts equal. */
export interface ChangeClassification {
  kind: ChangeKind;
  rules: ChangeRuleId[];
}

/**
 * Classifies the change from `before` to `after`. A cosmetic change lists a minimal set of rules
 * that explains it (no rule can be dropped); an identical re-recorded text is cosmetic with no rule.
 * Only the lines that differ are normalised, so the cost is linear in the size of the edit.
 */
export function classifyChange({ commitKind, before, after }: ChangeInput): ChangeClassification {
  if (commitKind === 'technical') return { kind: 'technical', rules: [] };
  if (before === after) return { kind: 'cosmetic', rules: [] };
  const region = differingRegion(before, after);
  const needed = new Set(CHANGE_RULES.map((rule) => rule.id));
  let beforeSteps = traceRules(region.before, needed, 0, []);
  let afterSteps = traceRules(region.after, needed, 0, []);
  if (beforeSteps.at(-1) !== afterSteps.at(-1)) return { kind: 'substantive', rules: [] };
  for (const id of REMOVAL_ORDER) {
    const position = RULE_POSITION.get(id)!;
    needed.delete(id);
    // A rule that changed neither text can go as it is: without it, every later rule sees the same texts.
    const changedNothing =
      beforeSteps[position] === (beforeSteps[position - 1] ?? region.before) && afterSteps[position] === (afterSteps[position - 1] ?? region.after);
    if (changedNothing) continue;
    const beforeWithout = traceRules(region.before, needed, position, beforeSteps);
    const afterWithout = traceRules(region.after, needed, position, afterSteps);
    if (beforeWithout.at(-1) === afterWithout.at(-1)) [beforeSteps, afterSteps] = [beforeWithout, afterWithout];
    else needed.add(id);
  }
  return { kind: 'cosmetic', rules: CHANGE_RULES.map((rule) => rule.id).filter((id) => needed.has(id)) };
}

const RULE_POSITION = new Map(CHANGE_RULES.map((rule, position) => [rule.id, position]));

/**
 * A text after each rule of CHANGE_RULES in turn (one not in `rules` leaves it as it is): step i is
 * the text after rule i. Steps before `from` are taken from `known`, so trying a set of rules
 * without one of them only runs the rules that follow it.
 */
function traceRules(text: string, rules: ReadonlySet<ChangeRuleId>, from: number, known: readonly string[]): string[] {
  const steps = known.slice(0, from);
  let current = steps.at(-1) ?? text;
  for (let position = from; position < CHANGE_RULES.length; position++) {
    const rule = CHANGE_RULES[position]!;
    if (rules.has(rule.id)) current = rule.normalize(current);
    steps.push(current);
  }
  return steps;
}
