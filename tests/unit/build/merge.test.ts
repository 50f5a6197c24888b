import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeBuildOutputs } from '../../../src/lib/build/merge';
import { makeTempDir } from '../../helpers/temp-dir';

function output(root: string, name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('merging the outputs of several builds', () => {
  it('moves every file of every output into one folder and keeps one copy of identical shared files', async () => {
    const root = makeTempDir('fineprint-merge-');
    const first = output(root, 'one', { 'index.html': 'home', 'a/x/index.html': 'a-x', '_astro/site.css': 'css' });
    const second = output(root, 'two', { 'index.html': 'home', 'a/y/index.html': 'a-y', 'b/index.html': 'b', '_astro/site.css': 'css' });
    const outDir = join(root, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'left-over.html'), 'old');

    const figures = await mergeBuildOutputs([first, second], outDir);

    expect(figures).toEqual({ moved: 2, shared: 2 });
    expect(readdirSync(outDir, { recursive: true }).map(String).sort()).toEqual(
      ['_astro', '_astro/site.css', 'a', 'a/x', 'a/x/index.html', 'a/y', 'a/y/index.html', 'b', 'b/index.html', 'index.html'].sort(),
    );
    expect(readFileSync(join(outDir, 'a/y/index.html'), 'utf8')).toBe('a-y');
    expect([existsSync(first), existsSync(second)]).toEqual([false, false]);
  });

  it('stops, naming the file, when two builds wrote it differently', async () => {
    const root = makeTempDir('fineprint-merge-');
    const first = output(root, 'one', { 'api/changes.json': '[1]' });
    const second = output(root, 'two', { 'api/changes.json': '[2]' });
    await expect(mergeBuildOutputs([first, second], join(root, 'dist'))).rejects.toThrow(
      'Two builds of the site wrote different contents at "api/changes.json".',
    );
  });

  it('stops, naming the path, when one build wrote a file where another wrote a folder', async () => {
    const root = makeTempDir('fineprint-merge-');
    const first = output(root, 'one', { 'a/feed.xml': '<rss/>' });
    const second = output(root, 'two', { 'a/feed.xml/index.html': 'page' });
    await expect(mergeBuildOutputs([first, second], join(root, 'dist'))).rejects.toThrow(
      'Two builds of the site wrote different kinds of entry at "a/feed.xml".',
    );
  });
});
