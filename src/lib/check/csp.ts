import { load } from 'cheerio';

/**
 * The Content-Security-Policy a built page declares in `<meta http-equiv="content-security-policy">`,
 * and what it lacks to keep tracked text from running script or loading from other origins.
 */

/** The directives of the page's CSP meta (name → sources), or null when the page has none in its head. */
export function readContentSecurityPolicy(html: string): Map<string, string[]> | null {
  // Only the head: version pages can be megabytes long.
  const end = html.search(/<\/head>/i);
  const $ = load(end === -1 ? html : html.slice(0, end));
  const meta = $('head meta')
    .filter((_, element) => ($(element).attr('http-equiv') ?? '').toLowerCase() === 'content-security-policy')
    .first();
  if (meta.length === 0) return null;
  const directives = new Map<string, string[]>();
  for (const part of (meta.attr('content') ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What a policy fails to forbid, as sentences; none means it blocks inline script, plugins and foreign origins. */
export function findCspWeaknesses(directives: Map<string, string[]> | null): string[] {
  if (!directives) return ['no Content-Security-Policy meta in <head>'];
  const problems: string[] = [];
  const defaultSrc = directives.get('default-src');
  if (!defaultSrc || defaultSrc.join(' ') !== "'self'") problems.push("default-src is not 'self'");
  const scriptSrc = directives.get('script-src') ?? defaultSrc ?? [];
  for (const source of scriptSrc) {
    if (!(source === "'self'" || source === "'wasm-unsafe-eval'" || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source))) {
      problems.push(`script-src allows ${source}`);
    }
  }
  if (directives.get('object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
  if (directives.get('frame-src')?.join(' ') !== "'none'") problems.push("frame-src is not 'none'");
  if (directives.get('base-uri')?.join(' ') !== "'self'") problems.push("base-uri is not 'self'");
  return problems;
}
