import { describe, expect, it } from 'vitest';
import { builtFileToPagePath, renderSitemaps } from '../../../src/lib/build/sitemap';
import { checkSitemap } from '../../../src/lib/check/xml';

describe('sitemaps', () => {
  it('lists folder pages by their URL and leaves out the 404 page and other files', () => {
    expect(['index.html', 'acme/terms/index.html', '404.html', 'acme/terms/20260101000000.md', 'feed.xml'].map(builtFileToPagePath)).toEqual([
      '',
      'acme/terms/',
      null,
      null,
      null,
    ]);
  });

  it('splits the URLs into sitemaps of at most the limit, listed by the index, under the base path', async () => {
    const files = await renderSitemaps(['b/', '', 'a/', 'a/x/', 'c/'], 'https://archive.example/fineprint/', 2);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml']);
    expect(checkSitemap(files.get('sitemap-index.xml')!, 'index').locations).toEqual([
      'https://archive.example/fineprint/sitemap-0.xml',
      'https://archive.example/fineprint/sitemap-1.xml',
      'https://archive.example/fineprint/sitemap-2.xml',
    ]);
    expect(checkSitemap(files.get('sitemap-0.xml')!, '0')).toEqual({
      problems: [],
      locations: ['https://archive.example/fineprint/', 'https://archive.example/fineprint/a/'],
    });
    expect(checkSitemap(files.get('sitemap-2.xml')!, '2').locations).toEqual(['https://archive.example/fineprint/c/']);
  });
});
