/**
 * npm run bench -- <repository or .bundle> | --synthetic N [--skip-bare] [--skip-rebuild]
 * Builds the site from an archive and prints one table: history read against the git floor, full build
 * against a bare Astro build of the same version texts, Pagefind, peak memory, page sizes, and a rebuild
 * after one new version with the derived-data cache warm.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bareMarkdownPage } from '../src/lib/bench/bare-page';
import { measureHistoryRead } from '../src/lib/bench/history';
import { gzippedBytes, listFiles, median, runMeasured, type CommandFigures } from '../src/lib/bench/measure';
import { appendOneVersion, createSyntheticRepository, openRepository } from '../src/lib/bench/repository';
import { BlobReader } from '../src/lib/history/git';
import { readHistory } from '../src/lib/history/read-history';

const ROOT = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    synthetic: { type: 'string' },
    'skip-bare': { type: 'boolean', default: false },
    'skip-rebuild': { type: 'boolean', default: false },
  },
});
if (!positionals[0] && !values.synthetic) {
  console.error('Usage: npm run bench -- <repository or .bundle> | --synthetic N [--skip-bare] [--skip-rebuild]');
  process.exit(2);
}

const label = values.synthetic ? `synthetic ${values.synthetic}` : positionals[0]!;
const repository = values.synthetic ? await createSyntheticRepository(Number(values.synthetic)) : await openRepository(positionals[0]!);
const work = join(ROOT, 'node_modules/.cache/fineprint-bench', String(process.pid));
await mkdir(work, { recursive: true });
const env = (outDir: string) => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  FINEPRINT_ARCHIVE: repository.path,
  FINEPRINT_CACHE_DIR: join(work, 'cache'),
  FINEPRINT_ASTRO_CACHE_DIR: join(work, `astro-${relative(work, outDir).replace(/\W/g, '')}`),
});

// One bare Astro build of every version runs out of memory past a few thousand Markdown pages of
// contrib's size (Vite bundles each page as a module: 8.8 GiB at 10k synthetic pages), so the texts
// are published in builds of this many pages, each with a heap of BARE_BUILD_HEAP_MIB, as many at
// once as there are cores, as the full build uses them.
const BARE_BUILD_PAGES = 5_000;
const BARE_BUILD_HEAP_MIB = 8_192;

/**
 * Writes every version's text as a Markdown page of bare Astro projects of BARE_BUILD_PAGES pages
 * each: the floor for publishing them with Astro. Returns the projects' folders.
 */
async function writeBareProjects(dir: string): Promise<string[]> {
  const history = await readHistory(repository.path);
  const blobs = new BlobReader(repository.path);
  const projects: string[] = [];
  let count = 0;
  for (const document of history.documents) {
    const texts = await Promise.all(document.versions.map((v) => blobs.readText(v.blob)));
    for (const text of texts) {
      if (count % BARE_BUILD_PAGES === 0) {
        projects.push(join(dir, `part-${projects.length + 1}`));
        await mkdir(join(projects.at(-1)!, 'src/pages/v'), { recursive: true });
        await writeFile(join(projects.at(-1)!, 'astro.config.mjs'), 'export default {};\n');
      }
      await writeFile(join(projects.at(-1)!, 'src/pages/v', `${count++}.md`), bareMarkdownPage(text));
    }
  }
  blobs.close();
  return projects;
}

/** Runs a measured step; a step that fails is reported in the table with its reason instead of ending the bench. */
async function attempt(name: string, run: () => Promise<CommandFigures>): Promise<CommandFigures | string> {
  try {
    const figures = await run();
    console.log(`${name}: ${(figures.ms / 1000).toFixed(1)} s, peak RSS ${(figures.peakRssBytes / 2 ** 30).toFixed(2)} GiB`);
    return figures;
  } catch (error) {
    // The end of its output says why it failed; the table keeps its last line.
    const lines = String(error).trim().split('\n');
    console.log(`${name}: failed:\n${lines.slice(-40).join('\n')}`);
    return `failed (${lines.at(-1)!.slice(0, 200)})`;
  }
}

try {
  const historyFigures = await measureHistoryRead(repository.path);
  const dist = join(work, 'dist');
  const build = await runMeasured(bin('tsx'), ['scripts/build.ts', '--outDir', dist], { cwd: ROOT, env: env(dist) });
  console.log(`full build: ${(build.ms / 1000).toFixed(1)} s, peak RSS ${(build.peakRssBytes / 2 ** 30).toFixed(2)} GiB`);
  // scripts/build.ts times each of its steps on a line of its own.
  const pagefindMs = Number(/^search index: ([\d.]+) s$/m.exec(build.output)?.[1] ?? NaN) * 1000;
  const files = await listFiles(dist);
  const pages = files.filter((file) => file.path.endsWith('.html'));
  const documentPages = pages.filter((file) => /^[^/]+\/[^/]+\/index\.html$/.test(relative(dist, file.path)) && !relative(dist, file.path).startsWith('topics/'));
  const documentPageGzip = median(await Promise.all(documentPages.map((file) => gzippedBytes(file.path))));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const searchBytes = files.filter((file) => file.path.includes('/pagefind/')).reduce((sum, file) => sum + file.bytes, 0);
  const siteBytes = files.reduce((sum, file) => sum + file.bytes, 0);

  let rebuild: CommandFigures | string = 'skipped';
  if (!values['skip-rebuild']) {
    const history = await readHistory(repository.path);
    const changed = history.documents[0]!;
    const latestText = await new BlobReader(repository.path).readText(changed.versions.at(-1)!.blob);
    await appendOneVersion(repository.path, changed.path, latestText, new Date(changed.versions.at(-1)!.capturedAt.getTime() + 3_600_000));
    rebuild = await attempt('rebuild', () => runMeasured(bin('tsx'), ['scripts/build.ts', '--outDir', dist], { cwd: ROOT, env: env(dist) }));
  }

  let bare: CommandFigures | string = 'skipped';
  let bareBuilds = 0;
  if (!values['skip-bare']) {
    const projects = await writeBareProjects(join(work, 'bare'));
    bareBuilds = projects.length;
    const list = join(work, 'bare-projects.txt');
    await writeFile(list, projects.join('\n') + '\n');
    const cores = String(availableParallelism());
    // Each build runs in its own project folder, where Astro writes its prerendered chunks (two builds
    // run from one folder delete each other's), and keeps its output there; a failed one prints which
    // it was and why.
    const buildOne = 'astro="$0"; cd "$1" && "$astro" build --root . > build.log 2>&1 || { echo "$1 failed:"; tail -n 15 build.log; exit 1; }';
    bare = await attempt('bare Astro builds', () =>
      runMeasured('xargs', ['--arg-file', list, '-P', cores, '-I', '{}', 'sh', '-c', buildOne, bin('astro'), '{}'], {
        cwd: work,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: `--max-old-space-size=${BARE_BUILD_HEAP_MIB}` },
      }),
    );
  }

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const measured = (figures: CommandFigures | string, describe: (figures: CommandFigures) => string) =>
    typeof figures === 'string' ? figures : describe(figures);
  const rows: [string, string][] = [
    ['archive', label],
    ['documents / versions', `${historyFigures.documents} / ${historyFigures.versions}`],
    ['history read / git floor', `${s(historyFigures.readerMs)} / ${s(historyFigures.floorMs)} = ${(historyFigures.readerMs / historyFigures.floorMs).toFixed(2)}×`],
    ['pages (HTML)', String(pages.length)],
    ['full build (cold cache, npm run build)', `${s(build.ms)}, ${(pages.length / (build.ms / 1000)).toFixed(0)} pages/s`],
    [
      `bare Astro build of the same texts${bareBuilds ? ` (${bareBuilds} builds of ≤ ${BARE_BUILD_PAGES} pages, ${availableParallelism()} at once)` : ''}`,
      measured(bare, (figures) => `${s(figures.ms)}; full build = ${(build.ms / figures.ms).toFixed(2)}× bare`),
    ],
    ['rebuild after one new version (warm cache)', measured(rebuild, (figures) => `${s(figures.ms)} = ${((figures.ms / build.ms) * 100).toFixed(0)}% of cold`)],
    ['Pagefind (part of the build)', `${s(pagefindMs)}, index ${mib(searchBytes)}`],
    ['peak RSS (build, all its processes)', mib(build.peakRssBytes)],
    ['peak RSS (bare Astro builds)', measured(bare, (figures) => mib(figures.peakRssBytes))],
    ['median document page (gzip)', `${(documentPageGzip / 1024).toFixed(1)} KiB`],
    ['largest page', `${relative(dist, largest.path)} ${mib(largest.bytes)}`],
    ['whole site', mib(siteBytes)],
  ];
  console.log('| measure | value |\n|---|---|');
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
} finally {
  await repository.dispose();
  await rm(work, { recursive: true, force: true });
}
