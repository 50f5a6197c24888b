import { nameToSlug } from '../slug';

// Clause numbering in front of a heading: "1.", "2.1", "IV.", "(a)", "A.", "Section 3", "Article 12 -".
const LEADING_NUMBER =
  /^(?:(?:section|article|clause|part|chapter|§)\s*[\dA-Z]+(?:\.\d+)*\b|\d+(?:\.\d+)*\b|[IVXLC]+\b|[A-Z](?=[.)])|\([a-z\d]+\))[.):\s–—-]*/i;

const SLUG_MAX_LENGTH = 60;

/**
 * The comparison key of a heading: numbering, case, quotes, punctuation and spacing removed, so
 * "**3\. Use of our Services.**" renumbered to "4. Use of our services" still names the same clause.
 */
export function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .trim()
    .replace(LEADING_NUMBER, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'"&]+/gu, ' ')
    .trim();
}

/** How a provision is named on pages and in feeds: its heading; the text before the first heading is the "Preamble". */
export function provisionTitle(provision: { id: string; heading: string }): string {
  return provision.heading || (provision.id === 'preamble' ? 'Preamble' : provision.id);
}

/** A URL- and anchor-safe slug of a heading without its numbering, at most 60 characters; "section" when nothing is left. */
export function headingToSlug(heading: string): string {
  const slug = nameToSlug(normalizeHeading(heading).replace(/['"]/g, ''));
  if (!slug) return 'section';
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH + 1);
  const words = cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : SLUG_MAX_LENGTH);
  return words.replace(/(?:-(?:and|or|of|the|to|in|for|a|an|on|with))+$/, '');
}

/**
 * `slug`, or `slug-2`, `slug-3`, … : the first one not in `taken`. `nextSuffix` remembers, per slug,
 * the suffix to try first: a caller whose `taken` only grows passes the same map each time, so giving
 * n provisions one heading costs n steps instead of n².
 */
export function uniqueSlug(slug: string, taken: { has(id: string): boolean }, nextSuffix = new Map<string, number>()): string {
  if (!taken.has(slug)) return slug;
  let n = nextSuffix.get(slug) ?? 2;
  while (taken.has(`${slug}-${n}`)) n++;
  nextSuffix.set(slug, n + 1);
  return `${slug}-${n}`;
}
