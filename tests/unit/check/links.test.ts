import { describe, expect, it } from 'vitest';
import {
  extractPageLinks,
  fileToSitePath,
  findBrokenLinks,
  formatBrokenLinks,
  resolveInternalLink,
  sitePathToFile,
  type PageLinks,
} from '../../../src/lib/check/links';

const OPTIONS = { base: '/fineprint/', site: 'https://archive.example' };

describe('extractPageLinks', () => {
  it('reads ids, named anchors, hrefs, srcs, srcset candidates and form actions', () => {
    const html = `<!doctype html><html><head><link rel="stylesheet" href="/fineprint/_astro/a.css"><script src="/fineprint/_astro/a.js"></script></head>
      <body><h2 id="terms">Terms</h2><a name="old"></a><a href=" ../b/#terms ">b</a><img src="x.png" srcset="x1.png 1x, x2.png 2x">
      <form action="/fineprint/search/"></form></body></html>`;
    expect(extractPageLinks(html)).toEqual({
      anchors: ['terms', 'old'],
      links: ['../b/#terms', '/fineprint/_astro/a.css', '/fineprint/_astro/a.js', 'x.png', '/fineprint/search/', 'x1.png', 'x2.png'],
    });
  });
});

describe('site paths and files', () => {
  it('serves folder index pages at their folder and other files at their own path', () => {
    expect(fileToSitePath('index.html', '/fineprint/')).toBe('/fineprint/');
    expect(fileToSitePath('grok/brand-guidelines/index.html', '/fineprint')).toBe('/fineprint/grok/brand-guidelines/');
    expect(fileToSitePath('grok/20251111153253.md', '/')).toBe('/grok/20251111153253.md');
  });

  it('finds the file of a path as a static host does, and nothing outside the base', () => {
    const files = new Set(['index.html', 'grok/index.html', 'feed.xml']);
    expect(sitePathToFile('/fineprint/', '/fineprint/', files)).toBe('index.html');
    expect(sitePathToFile('/fineprint', '/fineprint/', files)).toBe('index.html');
    expect(sitePathToFile('/fineprint/grok', '/fineprint/', files)).toBe('grok/index.html');
    expect(sitePathToFile('/fineprint/grok/', '/fineprint/', files)).toBe('grok/index.html');
    expect(sitePathToFile('/fineprint/feed.xml', '/fineprint/', files)).toBe('feed.xml');
    expect(sitePathToFile('/fineprint/feed.xml/', '/fineprint/', files)).toBe(null);
    expect(sitePathToFile('/grok/', '/fineprint/', files)).toBe(null);
  });
});

describe('resolveInternalLink', () => {
  it('resolves relative links and the site origin, decodes them, and skips other origins and schemes', () => {
    expect(resolveInternalLink('../x/?a=1#s%C3%A9', '/fineprint/grok/doc/', OPTIONS.site)).toEqual({ path: '/fineprint/grok/x/', fragment: 'sé' });
    expect(resolveInternalLink('https://archive.example/fineprint/feed.xml', '/fineprint/', OPTIONS.site)).toEqual({ path: '/fineprint/feed.xml', fragment: '' });
    expect(resolveInternalLink('https://x.ai/legal', '/fineprint/', OPTIONS.site)).toBe(null);
    expect(resolveInternalLink('mailto:legal@x.ai', '/fineprint/', OPTIONS.site)).toBe(null);
    expect(resolveInternalLink('javascript:alert(1)', '/fineprint/', OPTIONS.site)).toBe(null);
  });
});

describe('findBrokenLinks', () => {
  const page = (links: string[], anchors: string[] = []): PageLinks => ({ anchors, links });
  const files = new Set(['index.html', 'grok/index.html', 'grok/feed.xml', '_astro/a.css']);

  it('accepts links to existing files and anchors, on this page or another', () => {
    const pages = new Map([
      ['index.html', page(['grok/', '/fineprint/grok/#docs', '#top', '_astro/a.css', 'https://archive.example/fineprint/grok/feed.xml', 'https://x.ai/'], ['top'])],
      ['grok/index.html', page(['../', 'feed.xml'], ['docs'])],
    ]);
    expect(findBrokenLinks(pages, files, OPTIONS)).toEqual([]);
  });

  it('reports missing files, missing anchors and links that leave the base', () => {
    const pages = new Map([
      ['index.html', page(['grok/missing/', '/fineprint/grok/#nowhere', '#gone', '/favicon.svg'])],
      ['grok/index.html', page([], ['docs'])],
    ]);
    const broken = findBrokenLinks(pages, files, OPTIONS);
    expect(formatBrokenLinks(broken)).toBe(
      [
        '/fineprint/: grok/missing/ (missing-file)',
        '/fineprint/: /fineprint/grok/#nowhere (missing-anchor)',
        '/fineprint/: #gone (missing-anchor)',
        '/fineprint/: /favicon.svg (outside-base)',
      ].join('\n'),
    );
  });
});
