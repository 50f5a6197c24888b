import { load } from 'cheerio';

/**
 * Internal links of a built site: which files and anchors each page points to, and which of them do
 * not exist. Pure: callers read the built folder (`dist/`) and pass its file list and HTML.
 */

/** What one built HTML page offers and asks for. */
export interface PageLinks {
  /** The `id`s (and `<a name>`s) a fragment can point to. */
  anchors: string[];
  /** Every URL the page loads or links to, as written (href, src, srcset candidates, form action). */
  links: string[];
}

/** A link of a page that points inside the site but to nothing. */
export interface BrokenLink {
  /** The site path of the page holding the link ("/fineprint/grok/"). */
  page: string;
  link: string;
  reason: 'missing-file' | 'missing-anchor' | 'outside-base';
}

// Attributes whose value is a URL the browser follows or loads.
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['iframe[src]', 'src'],
  ['form[action]', 'action'],
];

/** Reads the anchors and links of one HTML page. */
export function extractPageLinks(html: string): PageLinks {
  const $ = load(html);
  const anchors = [
    ...$('[id]')
      .map((_, element) => $(element).attr('id')!)
      .get(),
    ...$('a[name]')
      .map((_, element) => $(element).attr('name')!)
      .get(),
  ];
  const links: string[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    $(selector).each((_, element) => {
      links.push($(element).attr(attribute)!.trim());
    });
  }
  // srcset: comma-separated "url [descriptor]" candidates.
  $('img[srcset], source[srcset]').each((_, element) => {
    for (const candidate of $(element).attr('srcset')!.split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) links.push(url);
    }
  });
  return { anchors, links };
}

/** The site path a built file is served at: `a/b/index.html` → `<base>a/b/`, `feed.xml` → `<base>feed.xml`. */
export function fileToSitePath(file: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const path = file.split('\\').join('/');
  if (path === 'index.html') return prefix;
  return prefix + (path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
}

/**
 * The built file a site path is served from, as a static host resolves it (the file itself, or the
 * folder's index.html), or null when there is none.
 */
export function sitePathToFile(sitePath: string, base: string, files: ReadonlySet<string>): string | null {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!`${sitePath}/`.startsWith(prefix)) return null;
  const relative = sitePath.slice(prefix.length).replace(/\/+$/, '');
  const candidates = relative === '' ? ['index.html'] : sitePath.endsWith('/') ? [`${relative}/index.html`] : [relative, `${relative}/index.html`];
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}

/** Where an internal link points: its decoded site path and fragment; null for other origins and non-HTTP schemes. */
export function resolveInternalLink(link: string, pagePath: string, site: string): { path: string; fragment: string } | null {
  const origin = new URL(site).origin;
  let url: URL;
  try {
    url = new URL(link, new URL(pagePath, origin));
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return { path: decodeURIComponent(url.pathname), fragment: decodeURIComponent(url.hash.slice(1)) };
}

/**
 * Checks every internal link of every page: the target must be a built file under the base, and a
 * fragment must name an anchor of the target page. `pages` maps built HTML file paths (relative to
 * the built folder) to their links; `files` lists every built file. Links to `site`'s origin count
 * as internal, so canonical and feed URLs are checked too.
 */
export function findBrokenLinks(
  pages: ReadonlyMap<string, PageLinks>,
  files: ReadonlySet<string>,
  options: { base: string; site: string },
): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorSets = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let set = anchorSets.get(file);
    if (!set) anchorSets.set(file, (set = new Set(pages.get(file)?.anchors ?? [])));
    return set;
  };
  for (const [file, { links }] of pages) {
    const page = fileToSitePath(file, options.base);
    for (const link of links) {
      const target = resolveInternalLink(link, page, options.site);
      if (!target) continue;
      const prefix = options.base.endsWith('/') ? options.base : `${options.base}/`;
      if (!`${target.path}/`.startsWith(prefix)) {
        broken.push({ page, link, reason: 'outside-base' });
        continue;
      }
      const targetFile = sitePathToFile(target.path, options.base, files);
      if (!targetFile) {
        broken.push({ page, link, reason: 'missing-file' });
        continue;
      }
      if (target.fragment && targetFile.endsWith('.html') && !anchorsOf(targetFile).has(target.fragment)) {
        broken.push({ page, link, reason: 'missing-anchor' });
      }
    }
  }
  return broken;
}

/** One line per broken link, for a test failure or the CLI: `<page>: <link> (<reason>)`. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken.map(({ page, link, reason }) => `${page}: ${link} (${reason})`).join('\n');
}
