import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBuiltFiles, listHtmlFiles } from '../../../src/lib/build/built-pages';
import { makeTempDir } from '../../helpers/temp-dir';

function site(files: string[]): string {
  const root = makeTempDir('fineprint-listing-');
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), file);
  }
  mkdirSync(join(root, 'empty/folder'), { recursive: true });
  return root;
}

describe('listing a built site', () => {
  it('lists every file of every folder, however deep, sorted, with forward slashes', async () => {
    // More folders than are read at once, so reads finish while others wait.
    const pages = Array.from({ length: 120 }, (_, i) => `p${i % 7}/d${i}/2026010100000${i % 10}/index.html`);
    const root = site(['index.html', 'feed.xml', '_astro/site.css', ...pages]);
    expect(await listBuiltFiles(root)).toEqual(['_astro/site.css', 'feed.xml', 'index.html', ...pages].sort());
  });

  it('keeps the HTML files only for the sitemaps and the search index', async () => {
    const root = site(['index.html', 'a/b/index.html', 'a/b/20260101000000.md', 'api/platforms.json']);
    expect(await listHtmlFiles(root)).toEqual(['a/b/index.html', 'index.html']);
  });

  it('fails, naming the folder, when the site is not there', async () => {
    const missing = join(tmpdir(), 'fineprint-no-such-site');
    await expect(listBuiltFiles(missing)).rejects.toThrow(missing);
  });
});
