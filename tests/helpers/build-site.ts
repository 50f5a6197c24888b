import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeFixtureArchive } from './fixture-archive';

const ROOT = resolve(import.meta.dirname, '../..');

/** Options of a site build: the archive repository to publish and where the site is deployed. */
export interface BuildOptions {
  archive: string;
  outDir: string;
  site?: string;
  base?: string;
}

/** Builds the real site (astro build, then Pagefind) from an archive repository. Throws with the build's output. */
export function buildSite(options: BuildOptions): void {
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    FINEPRINT_ARCHIVE: options.archive,
    FINEPRINT_SITE: options.site ?? 'https://archive.example',
    FINEPRINT_BASE: options.base ?? '/',
    FINEPRINT_ASTRO_CACHE_DIR: join(options.outDir, '..', 'astro-cache'),
    FINEPRINT_CACHE_DIR: join(options.outDir, '..', 'derived-cache'),
  };
  const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
  try {
    execFileSync(bin('astro'), ['build', '--outDir', options.outDir], { cwd: ROOT, env, encoding: 'utf8', stdio: 'pipe' });
    execFileSync(bin('pagefind'), ['--site', options.outDir], { cwd: ROOT, env, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Site build failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/**
 * Builds a site once per test run and shares it between test files: the first caller builds while the
 * others wait for it. `name` tells builds of different archives apart.
 */
export async function sharedSiteBuild(name: string, build: (outDir: string) => void): Promise<string> {
  const dir = join(tmpdir(), `fineprint-site-${process.ppid}-${name}`);
  const outDir = join(dir, 'dist');
  const done = join(dir, 'done');
  const failed = join(dir, 'failed');
  try {
    mkdirSync(dir);
  } catch {
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`The shared build "${name}" failed in another test file.`);
      await sleep(200);
    }
    return outDir;
  }
  try {
    build(outDir);
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
  writeFileSync(done, '');
  return outDir;
}

/** The site built from the fixture archive in our layout, deployed under /fineprint/ on https://archive.example. */
export const FIXTURE_SITE = { site: 'https://archive.example', base: '/fineprint/' } as const;

/** Builds (once per run) the fixture archive's site; returns the built folder and the archive repository. */
export async function fixtureSite(): Promise<{ outDir: string; archive: string }> {
  const archive = join(tmpdir(), `fineprint-site-${process.ppid}-fixture-archive`);
  const outDir = await sharedSiteBuild('fixture', (out) => {
    const repo = makeFixtureArchive('fineprint');
    execFileSync('mv', [repo.dir, archive]);
    buildSite({ archive, outDir: out, ...FIXTURE_SITE });
  });
  return { outDir, archive };
}
