import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_VERSIONS, fixtureText, makeFixtureArchive } from '../helpers/fixture-archive';
import { makeTestRepo, type TestRepo } from '../helpers/test-repo';

const ROOT = resolve(import.meta.dirname, '../..');
let source: TestRepo;
let target: TestRepo;
let declarations: string;

function runImport(): string {
  return execFileSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/import-ota.ts'), source.dir, '--declarations', declarations, '--into', target.dir],
    { encoding: 'utf8' },
  );
}

beforeAll(() => {
  source = makeFixtureArchive('ota');
  target = makeTestRepo('fineprint-import-target-');
  target.commit({ 'README.md': 'Archive\n' }, 'Start the archive', '2025-01-01T00:00:00Z');
  declarations = join(target.dir, '..', `${target.dir.split('/').pop()}-declarations`);
  mkdirSync(declarations);
  writeFileSync(
    join(declarations, 'Grok.json'),
    JSON.stringify({ name: 'Grok', terms: { 'Brand Guidelines': { fetch: 'https://x.ai/legal/brand-guidelines', select: ['main'] } } }),
  );
});
afterAll(() => {
  source?.remove();
  target?.remove();
  rmSync(declarations, { recursive: true, force: true });
});

describe('npm run import', () => {
  it('replays every version in the original order, dated at its capture time, in our layout', () => {
    expect(runImport()).toMatch(/^Imported 11 versions of 3 documents from fineprint-ota-archive-/);
    const log = target.git('log', '--reverse', '--format=%aI|%cI|%an|%s', 'HEAD').trim().split('\n').slice(1);
    expect(log).toEqual(
      FIXTURE_VERSIONS.map((v) => `${v.date}|${v.date}|Fineprint Bot|${v.subject}`),
    );
    expect(target.git('status', '--porcelain')).toBe('');
  });

  it('writes the recorded text with our front matter and the declared sources', () => {
    const last = FIXTURE_VERSIONS.filter((v) => v.path.endsWith('grok/brand-guidelines.md')).at(-1)!;
    const written = target.git('show', `HEAD:${last.path}`);
    expect(written).toBe(fixtureText(last).replace(/sources:\n(  - .*\n)+/, 'sources:\n  - "https://x.ai/legal/brand-guidelines"\n'));
    const message = target.git('log', '-1', '--format=%B', '--', last.path);
    expect(message).toContain('Source: https://x.ai/legal/brand-guidelines\nImported-From: fineprint-ota-archive-');
  });

  it('adds nothing when the same source is imported again', () => {
    const before = target.git('rev-parse', 'HEAD');
    expect(runImport()).toContain('Nothing to import');
    expect(target.git('rev-parse', 'HEAD')).toBe(before);
  });
});
