/**
 * npm run build [-- --outDir dist]
 * Builds the site in n Astro builds side by side (n = FINEPRINT_BUILD_SHARDS, default one per core):
 * the archive's documents are derived into the cache by n processes, then each build renders its
 * share of the pages (src/data/shard.ts), and the outputs are merged into one folder that gets its
 * sitemaps and its search index.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SITE } from '../src/consts';
import { mergeBuildOutputs } from '../src/lib/build/merge';
import { builtFileToPagePath, renderSitemaps } from '../src/lib/build/sitemap';
import { indexBuiltSite } from '../src/lib/search/index-site';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' } } });
const outDir = resolve(values.outDir);
const shardCount = Math.max(1, Number(process.env.FINEPRINT_BUILD_SHARDS ?? availableParallelism()) || 1);
// Astro keeps a build's intermediate files beside its output only when the output is inside the
// project (else in .astro/, which two builds would share): shard outputs stay inside it.
const work = join(ROOT, 'node_modules/.cache/fineprint-build', String(process.pid));
const astroCache = process.env.FINEPRINT_ASTRO_CACHE_DIR ?? join(ROOT, 'node_modules/.astro');
const shards = Array.from({ length: shardCount }, (_, i) => `${i + 1}/${shardCount}`);

// Astro prints a line per page (`├─ /a/b/index.html`, then its time `(+11ms)`); the rest (warnings,
// totals) is worth passing on.
const PAGE_LINE = /[├└│]─|^\s*\(\+[\d.]+m?s\)\s*$/;

/** Runs a command of node_modules/.bin, passing its output on with `label`; rejects with its last lines on failure. */
function run(bin: string, args: string[], label: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const child = spawn(join(ROOT, 'node_modules/.bin', bin), args, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const relay = (chunk: Buffer) => {
    tail = (tail + chunk).slice(-20_000);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() && !PAGE_LINE.test(line)) console.log(`[${label}] ${line}`);
    }
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${label}: ${bin} ${args.join(' ')} failed (exit ${code}):\n${tail}`))));
  });
}

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await action();
  console.log(`${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

try {
  await mkdir(work, { recursive: true });
  // Builds started together would all write .astro/ at once; one sync first leaves them nothing to change.
  await step('content sync and derived data', () =>
    Promise.all([
      run('astro', ['sync'], 'sync', { FINEPRINT_ASTRO_CACHE_DIR: join(astroCache, 'shard-1') }),
      ...(shardCount > 1 ? shards.map((shard) => run('tsx', ['scripts/derive.ts', '--shard', shard], `derive ${shard}`)) : []),
    ]),
  );
  const outputs = shards.map((_, i) => join(work, `shard-${i + 1}`));
  await step(`${shardCount} site builds`, () =>
    Promise.all(
      shards.map((shard, i) =>
        run('astro', ['build', '--outDir', outputs[i]!], `build ${shard}`, {
          FINEPRINT_BUILD_SHARD: shard,
          FINEPRINT_ASTRO_CACHE_DIR: join(astroCache, `shard-${i + 1}`),
        }),
      ),
    ),
  );
  const merged = await step('merge', () => mergeBuildOutputs(outputs, outDir));
  const siteBase = new URL(process.env.FINEPRINT_BASE ?? '/', process.env.FINEPRINT_SITE ?? DEFAULT_SITE).href;
  const pages = (await readdir(outDir, { recursive: true })).map(builtFileToPagePath).filter((path) => path !== null);
  await step('sitemaps', async () => {
    for (const [name, xml] of await renderSitemaps(pages, siteBase)) await writeFile(join(outDir, name), xml);
  });
  const search = await step('search index', () => indexBuiltSite(outDir));
  console.log(
    `Built ${pages.length} pages into ${outDir} (${merged.moved} entries merged, ${merged.shared} files rendered by every build); search indexes ${search.indexed} of ${search.scanned}.`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
