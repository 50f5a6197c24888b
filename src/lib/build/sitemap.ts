import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';

/** URLs per sitemap file: the protocol allows 50,000. */
export const SITEMAP_URL_LIMIT = 45_000;

/** The sitemap index's file name; robots.txt points at it. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/**
 * The path of the page a built HTML file serves, relative to the site's base: `a/b/index.html` is
 * `a/b/`, `index.html` is ``. Other HTML files (the 404 page) are not pages to list: null.
 */
export function builtFileToPagePath(file: string): string | null {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : null;
}

async function render(stream: SitemapStream | SitemapIndexStream, urls: readonly string[]): Promise<string> {
  const done = streamToPromise(stream);
  for (const url of urls) stream.write(url);
  stream.end();
  return (await done).toString('utf8');
}

/**
 * The sitemaps of a site published at `siteBase` (absolute, ending in `/`) listing these page paths:
 * `sitemap-<n>.xml` files of at most `limit` URLs each and the index that lists them, by file name.
 */
export async function renderSitemaps(pagePaths: readonly string[], siteBase: string, limit = SITEMAP_URL_LIMIT): Promise<Map<string, string>> {
  const urls = [...pagePaths].sort().map((path) => new URL(path, siteBase).href);
  const files = new Map<string, string>();
  for (let part = 0; part * limit < Math.max(urls.length, 1); part++) {
    files.set(`sitemap-${part}.xml`, await render(new SitemapStream(), urls.slice(part * limit, (part + 1) * limit)));
  }
  files.set(SITEMAP_INDEX, await render(new SitemapIndexStream(), [...files.keys()].map((name) => new URL(name, siteBase).href)));
  return files;
}
