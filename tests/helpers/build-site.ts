import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeFixtureArchive } from './fixture-archive';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The time a test that builds the site gets: builds take turns through the lock below, so a test may
 * wait for the builds of other test files before its own.
 */
export const BUILDING_TEST_TIMEOUT = 300_000;

/** Options of a site build: the archive repository to publish, where the site is deployed, and how it is split. */
export interface BuildOptions {
  archive: string;
  outDir: string;
  site?: string;
  base?: string;
  /** Builds side by side (FINEPRINT_BUILD_SHARDS); 2 unless given, so test sites go through the merge. */
  shards?: number;
  /** Arguments of scripts/build.ts besides --outDir (`--shard 1/2`, `--merge a b`). */
  args?: string[];
}

// Builds of this checkout share its .astro/ folder (Astro writes the content sync there), so two builds
// cannot run at once: test files take turns through a lock folder.
const BUILD_LOCK = join(tmpdir(), `fineprint-build-lock-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readLockOwner(): number | null {
  try {
    return Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8')) || null;
  } catch {
    return null;
  }
}

function acquireBuildLock(): void {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      return;
    } catch {
      const owner = readLockOwner();
      if (owner !== null && !isRunning(owner)) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

/** Builds the real site (npm run build: the sharded Astro builds, merged, with sitemaps and search index) from an archive repository. Returns the build's output; throws with it. */
export function buildSite(options: BuildOptions): string {
  acquireBuildLock();
  try {
    return runBuild(options);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function runBuild(options: BuildOptions): string {
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    FINEPRINT_ARCHIVE: options.archive,
    FINEPRINT_SITE: options.site ?? 'https://archive.example',
    FINEPRINT_BASE: options.base ?? '/',
    FINEPRINT_ASTRO_CACHE_DIR: join(options.outDir, '..', 'astro-cache'),
    FINEPRINT_CACHE_DIR: join(options.outDir, '..', 'fineprint-cache'),
    FINEPRINT_BUILD_SHARDS: String(options.shards ?? 2),
  };
  const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
  try {
    return execFileSync(bin('tsx'), ['scripts/build.ts', '--outDir', options.outDir, ...(options.args ?? [])], { cwd: ROOT, env, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Site build failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/**
 * Where the test files of one run keep what they share (built sites, their archives): named after the
 * run's main process, the parent of every test worker, which removes them when the run ends
 * (tests/helpers/shared-files-teardown.ts).
 */
export const sharedRunPath = (name: string, runPid = process.ppid) => join(tmpdir(), `fineprint-site-${runPid}-${name}`);

/**
 * Builds a site once per test run and shares it between test files: the first caller builds while the
 * others wait for it. `name` tells builds of different archives apart.
 */
export async function sharedSiteBuild(name: string, build: (outDir: string) => void): Promise<string> {
  const dir = sharedRunPath(name);
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
  const archive = sharedRunPath('fixture-archive');
  const outDir = await sharedSiteBuild('fixture', (out) => {
    const repo = makeFixtureArchive('fineprint');
    execFileSync('mv', [repo.dir, archive]);
    buildSite({ archive, outDir: out, ...FIXTURE_SITE });
  });
  return { outDir, archive };
}
