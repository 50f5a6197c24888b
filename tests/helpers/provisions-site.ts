import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildSite, FIXTURE_SITE, sharedRunPath, sharedSiteBuild } from './build-site';
import { makeFixtureArchive } from './fixture-archive';

/** Fixture analyses of provisions of the fixture archive: one stale, one current (see its ATTRIBUTION.md). */
export const FIXTURE_ANALYSES_DIR = resolve(import.meta.dirname, '../fixtures/provisions-site/analyses');

/**
 * The fixture archive's site built with the fixture analyses (FINEPRINT_ANALYSES_DIR), once per run and
 * shared by the provision tests; deployed like `fixtureSite()` under /fineprint/.
 */
export async function provisionsFixtureSite(): Promise<{ outDir: string; archive: string }> {
  const archive = sharedRunPath('provisions-archive');
  const outDir = await sharedSiteBuild('provisions', (out) => {
    const repo = makeFixtureArchive('fineprint');
    execFileSync('mv', [repo.dir, archive]);
    const previous = process.env.FINEPRINT_ANALYSES_DIR;
    process.env.FINEPRINT_ANALYSES_DIR = FIXTURE_ANALYSES_DIR;
    try {
      buildSite({ archive, outDir: out, ...FIXTURE_SITE });
    } finally {
      if (previous === undefined) delete process.env.FINEPRINT_ANALYSES_DIR;
      else process.env.FINEPRINT_ANALYSES_DIR = previous;
    }
  });
  return { outDir, archive };
}
