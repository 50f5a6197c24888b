/**
 * npm run build [-- --outDir dist]
 * Builds the site in n Astro builds side by side (n = FINEPRINT_BUILD_SHARDS, default one per core):
 * each derives its share of the archive's documents into the shared cache first, then renders its
 * share of the pages (src/data/shard.ts); the outputs are merged into one folder, which then gets
 * its sitemaps and its search index.
 *
 * Across machines (a matrix of jobs): `--shard i/n --outDir part-i` builds one share only, and
 * `--merge part-1 … part-n --outDir dist` merges the shares and writes the sitemaps and the index.
 *
 * The pages of each document are kept in the cache with the fingerprint of what they were rendered
 * from (src/lib/build/page-store.ts); a document whose fingerprint did not change is not rendered
 * again. `--fresh` empties that store first. A share built alone (`--shard`) renders all its pages:
 * it holds only some pages of each document, and the store keeps whole documents.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SITE } from '../src/consts';
import { FineprintError } from '../src/lib/errors';
import { parseShard } from '../src/lib/shard';
import { mergeBuildOutputs, type MergeFigures } from '../src/lib/build/merge';
import { fingerprintSources } from '../src/lib/build/code-fingerprint';
import { readPlans, restoreReusedPages, storeRenderedPages, type PageReuseSettings } from '../src/lib/build/page-store';
import { DEFAULT_CACHE_DIR } from '../src/lib/cache/disk-cache';
import { listHtmlFiles } from '../src/lib/build/built-pages';
import { builtFileToPagePath, renderSitemaps } from '../src/lib/build/sitemap';
import { indexBuiltSite } from '../src/lib/search/index-site';

const ROOT = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    outDir: { type: 'string', default: 'dist' },
    shard: { type: 'string' },
    merge: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
});
const outDir = resolve(values.outDir);
const onlyShard = values.shard ? parseShard(values.shard) : null;
const shardCount = onlyShard?.count ?? Math.max(1, Number(process.env.FINEPRINT_BUILD_SHARDS ?? availableParallelism()) || 1);
// Astro keeps a build's intermediate files beside its output only when the output is inside the
// project (else in .astro/, which two builds would share): shard outputs stay inside it.
const work = join(ROOT, 'node_modules/.cache/fineprint-build', String(process.pid));
const astroCache = process.env.FINEPRINT_ASTRO_CACHE_DIR ?? join(ROOT, 'node_modules/.astro');
const pageStore = join(resolve(ROOT, process.env.FINEPRINT_CACHE_DIR ?? DEFAULT_CACHE_DIR), 'pages');

/** Everything besides the archive that pages are rendered from: the code, the hand-written content, the deployment. */
const codeFingerprint = () =>
  fingerprintSources(
    ROOT,
    ['src', 'public', 'content/notes', 'content/topics.yml', process.env.FINEPRINT_ANALYSES_DIR ?? 'content/analyses', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'],
    { site: process.env.FINEPRINT_SITE, base: process.env.FINEPRINT_BASE, node: process.versions.node, icu: process.versions.icu },
  );

// Astro prints a line per page (`├─ /a/b/index.html`, then its time `(+11ms)`); the rest (warnings,
// totals) is worth passing on.
const PAGE_LINE = /[├└│]─|^\s*\(\+[\d.]+m?s\)\s*$/;
// Every build first syncs the content collections into .astro/, which two builds must not write at
// once; the line Astro prints after that sync lets the next build start.
const CONTENT_SYNCED = /\[types\] Generated/;

// V8 lets a heap grow to several times what is live when collecting looks cheap: two runs of a cold
// build of contrib, same code, peaked at 4.2 and 5.3 GiB. Past each full collection, a build's heap
// may now grow by half of what survived it, and its young generation is capped. Measured on the
// whole of contrib in one build: 396 s and a peak of 2.66 GiB by default, 413 s and 1.95 GiB with the
// first flag, 382 s and 1.83 GiB with both.
const BUILD_NODE_FLAGS = ['--heap-growing-percent=50', '--max-semi-space-size=32'];

/**
 * Starts an Astro command in Node with BUILD_NODE_FLAGS, passing its output on with `label`. `synced`
 * resolves once it printed CONTENT_SYNCED, or ended; `done` rejects with its last output if it fails.
 */
function startAstro(args: string[], label: string, env: NodeJS.ProcessEnv): { synced: Promise<void>; done: Promise<void> } {
  const child = spawn(process.execPath, [...BUILD_NODE_FLAGS, join(ROOT, 'node_modules/astro/bin/astro.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let markSynced = () => {};
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const relay = (chunk: Buffer) => {
    tail = (tail + chunk).slice(-20_000);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (CONTENT_SYNCED.test(line)) markSynced();
      if (line.trim() && !PAGE_LINE.test(line)) console.log(`[${label}] ${line}`);
    }
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markSynced();
      if (code === 0) resolve();
      else reject(new Error(`${label}: astro ${args.join(' ')} failed (exit ${code}):\n${tail}`));
    });
  });
  return { synced, done };
}

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const result = await action();
  console.log(`${name}: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Runs the builds of these shards (1-based), each started once the one before has synced the content,
 * and waits for all; each writes the plan of the documents it rendered and reused to `plans[i]`.
 */
async function buildShards(shards: number[], outputs: string[], plans: string[]): Promise<void> {
  const code = onlyShard ? null : await codeFingerprint();
  const builds: Promise<void>[] = [];
  for (const [i, output] of outputs.entries()) {
    const shard = `${shards[i]}/${shardCount}`;
    const build = startAstro(['build', '--outDir', output], `build ${shard}`, {
      // A build that is the only one renders every page without filtering any route.
      ...(shardCount > 1 ? { FINEPRINT_BUILD_SHARD: shard } : {}),
      FINEPRINT_ASTRO_CACHE_DIR: join(astroCache, `shard-${shards[i]}`),
      ...(code ? { FINEPRINT_PAGE_REUSE: JSON.stringify({ store: pageStore, plan: plans[i]!, code } satisfies PageReuseSettings) } : {}),
    });
    builds.push(build.done);
    await build.synced;
  }
  await Promise.all(builds);
}

/**
 * Puts the stored pages of the documents the builds reused into outDir, then stores the pages they
 * rendered while `finish` writes the sitemaps and the search index.
 */
async function reusePagesAndFinish(planFiles: string[], merged: MergeFigures): Promise<void> {
  const plans = await readPlans(planFiles);
  const figures = await step('page store, reused pages', () => restoreReusedPages(plans, outDir, pageStore));
  console.log(`Documents rendered: ${figures.rendered}; reused from the page store: ${figures.reused}.`);
  await Promise.all([step('page store, rendered pages', () => storeRenderedPages(plans, outDir, pageStore)), finish(merged)]);
}

/** Writes the sitemaps and the search index of the merged site in outDir. */
async function finish(merged: MergeFigures): Promise<void> {
  const siteBase = new URL(process.env.FINEPRINT_BASE ?? '/', process.env.FINEPRINT_SITE ?? DEFAULT_SITE).href;
  const htmlFiles = await step('listing', () => listHtmlFiles(outDir));
  const pages = htmlFiles.map(builtFileToPagePath).filter((path) => path !== null);
  await step('sitemaps', async () => {
    for (const [name, xml] of await renderSitemaps(pages, siteBase)) await writeFile(join(outDir, name), xml);
  });
  const search = await step('search index', () => indexBuiltSite(outDir, htmlFiles));
  for (const reason of search.kept) console.warn(`Search index left in Pagefind's own chunks, so a search fetches more: ${reason}`);
  console.log(
    `Built ${pages.length} pages into ${outDir} (${merged.moved} entries merged, ${merged.shared} files rendered by every build); search indexes ${search.indexed} of ${search.scanned}.`,
  );
}

try {
  if (values.merge) {
    if (!positionals.length) throw new FineprintError('--merge needs the folders of the built shares: --merge part-1 part-2 --outDir dist');
    await finish(await step('merge', () => mergeBuildOutputs(positionals.map((dir) => resolve(dir)), outDir)));
  } else {
    await mkdir(work, { recursive: true });
    if (values.fresh) await rm(pageStore, { recursive: true, force: true });
    const shards = onlyShard ? [onlyShard.index] : Array.from({ length: shardCount }, (_, i) => i + 1);
    const outputs = shards.map((shard) => join(work, `shard-${shard}`));
    const plans = shards.map((shard) => join(work, `plan-${shard}.json`));
    await step(`${shards.length} site build${shards.length > 1 ? 's' : ''}`, () => buildShards(shards, outputs, plans));
    const merged = await step('merge', () => mergeBuildOutputs(outputs, outDir));
    if (!onlyShard) await reusePagesAndFinish(plans, merged);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
