import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentPagePaths,
  parsePageReuseSettings,
  readPlans,
  restoreReusedPages,
  storeRenderedPages,
  storedFingerprint,
  type PlannedDocument,
} from '../../../src/lib/build/page-store';

/** Both steps of a build's end, in their order: fill in the reused documents, then keep the rendered ones. */
async function applyPlans(plans: PlannedDocument[], siteDir: string, store: string) {
  const figures = await restoreReusedPages(plans, siteDir, store);
  await storeRenderedPages(plans, siteDir, store);
  return figures;
}
import { fingerprintSources } from '../../../src/lib/build/code-fingerprint';
import { makeTempDir } from '../../helpers/temp-dir';

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

describe('the pages of a document', () => {
  it('are its folder and its API file', () => {
    expect(documentPagePaths('openai/terms-of-use')).toEqual(['openai/terms-of-use', 'api/documents/openai/terms-of-use.json']);
  });
});

describe('the page store', () => {
  it('keeps the pages a build rendered and puts them back into the next build, dropping documents that left', async () => {
    const root = makeTempDir('fineprint-page-store-');
    const store = join(root, 'store');
    const first = join(root, 'first');
    writeFiles(first, {
      'index.html': 'home',
      'a/index.html': 'platform a',
      'a/terms/index.html': 'terms',
      'a/terms/2026-01-01/index.html': 'version',
      'api/documents/a/terms.json': '{}',
      'b/privacy/index.html': 'privacy',
    });
    const rendered = await applyPlans(
      [
        { key: 'a/terms', fingerprint: 'f1', reused: false },
        { key: 'b/privacy', fingerprint: 'p1', reused: false },
      ],
      first,
      store,
    );
    expect(rendered).toEqual({ rendered: 2, reused: 0 });
    expect(await storedFingerprint(store, 'a/terms')).toBe('f1');

    // The next build rendered the home and platform pages only; the store fills in a/terms, and b/privacy left the archive.
    const second = join(root, 'second');
    writeFiles(second, { 'index.html': 'home', 'a/index.html': 'platform a' });
    expect(await applyPlans([{ key: 'a/terms', fingerprint: 'f1', reused: true }], second, store)).toEqual({ rendered: 0, reused: 1 });
    expect(filesUnder(second)).toEqual(['a/index.html', 'a/terms/2026-01-01/index.html', 'a/terms/index.html', 'api/documents/a/terms.json', 'index.html']);
    expect(readFileSync(join(second, 'a/terms/2026-01-01/index.html'), 'utf8')).toBe('version');
    // Linked, not copied.
    expect(statSync(join(second, 'a/terms/index.html')).ino).toBe(statSync(join(first, 'a/terms/index.html')).ino);
    expect(await storedFingerprint(store, 'b/privacy')).toBeNull();
    expect(existsSync(join(store, 'b'))).toBe(false);
  });

  it('stops with a clear error when a document it was to fill in is gone from it', async () => {
    const root = makeTempDir('fineprint-page-store-');
    await expect(applyPlans([{ key: 'a/terms', fingerprint: 'f1', reused: true }], join(root, 'site'), join(root, 'store'))).rejects.toThrow(
      /page store lost the pages of a\/terms.*--fresh/,
    );
  });

  it('reads its settings from JSON, naming what is wrong', () => {
    expect(parsePageReuseSettings('{"store":"s","plan":"p","code":"c"}')).toEqual({ store: 's', plan: 'p', code: 'c' });
    expect(() => parsePageReuseSettings('{"store":"s"}')).toThrow(/FINEPRINT_PAGE_REUSE.*plan/s);
  });
});

describe('the fingerprint of the sources', () => {
  it('changes with a file, a file name or a setting, and skips paths that do not exist', async () => {
    const root = makeTempDir('fineprint-fingerprint-');
    writeFiles(root, { 'src/a.ts': 'a', 'src/lib/b.ts': 'b', 'topics.yml': 't' });
    const paths = ['src', 'topics.yml', 'missing'];
    const base = await fingerprintSources(root, paths, { site: 'x' });
    expect(await fingerprintSources(root, paths, { site: 'x' })).toBe(base);
    expect(await fingerprintSources(root, paths, { site: 'y' })).not.toBe(base);
    writeFiles(root, { 'src/lib/b.ts': 'B' });
    const edited = await fingerprintSources(root, paths, { site: 'x' });
    expect(edited).not.toBe(base);
    writeFiles(root, { 'src/lib/c.ts': 'B' });
    expect(await fingerprintSources(root, paths, { site: 'x' })).not.toBe(edited);
  });
});

describe('the plans of the builds', () => {
  it('are read as one plan per document, and stop the build where two builds disagree', async () => {
    const root = makeTempDir('fineprint-plans-');
    const plan = (name: string, reused: boolean) => {
      writeFileSync(join(root, name), JSON.stringify([{ key: 'a/terms', fingerprint: 'f1', reused }, { key: 'b/privacy', fingerprint: 'p1', reused: false }]));
      return join(root, name);
    };
    expect(await readPlans([plan('one.json', true), plan('two.json', true)])).toEqual([
      { key: 'a/terms', fingerprint: 'f1', reused: true },
      { key: 'b/privacy', fingerprint: 'p1', reused: false },
    ]);
    await expect(readPlans([plan('one.json', true), plan('three.json', false)])).rejects.toThrow(/disagree on the pages of a\/terms/);
    await expect(readPlans([join(root, 'missing.json')])).rejects.toThrow(/without writing its page plan/);
  });
});
