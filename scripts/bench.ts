/**
 * npm run bench -- <repository or .bundle> | --synthetic N [--skip-bare] [--skip-rebuild]
 * Builds the site from an archive and prints one table: history read against the git floor, full build
 * against a bare Astro build of the same version texts, Pagefind, peak memory, page sizes, and a rebuild
 * after one new version with the derived-data cache warm.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureHistoryRead } from '../src/lib/bench/history';
import { gzippedBytes, listFiles, median, runMeasured } from '../src/lib/bench/measure';
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

/** Writes every version's text as a Markdown page of a bare Astro project: the floor for publishing them with Astro. */
async function writeBareProject(dir: string): Promise<number> {
  const history = await readHistory(repository.path);
  const blobs = new BlobReader(repository.path);
  await mkdir(join(dir, 'src/pages/v'), { recursive: true });
  await writeFile(join(dir, 'astro.config.mjs'), 'export default {};\n');
  let count = 0;
  for (const document of history.documents) {
    const texts = await Promise.all(document.versions.map((v) => blobs.readText(v.blob)));
    for (const text of texts) {
      // A leading "---" would be read as front matter; the bare build publishes the text only.
      await writeFile(join(dir, 'src/pages/v', `${count++}.md`), text.startsWith('---') ? `\n${text}` : text);
    }
  }
  blobs.close();
  return count;
}

try {
  const historyFigures = await measureHistoryRead(repository.path);
  const dist = join(work, 'dist');
  const build = await runMeasured(bin('tsx'), ['scripts/build.ts', '--outDir', dist], { cwd: ROOT, env: env(dist) });
  // scripts/build.ts times each of its steps on a line of its own.
  const pagefindMs = Number(/^search index: ([\d.]+) s$/m.exec(build.output)?.[1] ?? NaN) * 1000;
  const files = await listFiles(dist);
  const pages = files.filter((file) => file.path.endsWith('.html'));
  const documentPages = pages.filter((file) => /^[^/]+\/[^/]+\/index\.html$/.test(relative(dist, file.path)) && !relative(dist, file.path).startsWith('topics/'));
  const documentPageGzip = median(await Promise.all(documentPages.map((file) => gzippedBytes(file.path))));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const searchBytes = files.filter((file) => file.path.includes('/pagefind/')).reduce((sum, file) => sum + file.bytes, 0);

  let rebuild: Awaited<ReturnType<typeof runMeasured>> | null = null;
  if (!values['skip-rebuild']) {
    const history = await readHistory(repository.path);
    const changed = history.documents[0]!;
    const latestText = await new BlobReader(repository.path).readText(changed.versions.at(-1)!.blob);
    await appendOneVersion(repository.path, changed.path, latestText, new Date(changed.versions.at(-1)!.capturedAt.getTime() + 3_600_000));
    rebuild = await runMeasured(bin('tsx'), ['scripts/build.ts', '--outDir', dist], { cwd: ROOT, env: env(dist) });
  }

  let bare: Awaited<ReturnType<typeof runMeasured>> | null = null;
  if (!values['skip-bare']) {
    const bareDir = join(work, 'bare');
    await writeBareProject(bareDir);
    bare = await runMeasured(bin('astro'), ['build', '--root', bareDir], { cwd: bareDir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  }

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const rows: [string, string][] = [
    ['archive', label],
    ['documents / versions', `${historyFigures.documents} / ${historyFigures.versions}`],
    ['history read / git floor', `${s(historyFigures.readerMs)} / ${s(historyFigures.floorMs)} = ${(historyFigures.readerMs / historyFigures.floorMs).toFixed(2)}×`],
    ['pages (HTML)', String(pages.length)],
    ['full build (cold cache, npm run build)', `${s(build.ms)}, ${(pages.length / (build.ms / 1000)).toFixed(0)} pages/s`],
    ['bare Astro build of the same texts', bare ? `${s(bare.ms)}; full build = ${(build.ms / bare.ms).toFixed(2)}× bare` : 'skipped'],
    ['rebuild after one new version (warm cache)', rebuild ? `${s(rebuild.ms)} = ${((rebuild.ms / build.ms) * 100).toFixed(0)}% of cold` : 'skipped'],
    ['Pagefind (part of the build)', `${s(pagefindMs)}, index ${mib(searchBytes)}`],
    ['peak RSS (build, all its processes)', mib(build.peakRssBytes)],
    ['peak RSS (bare Astro build)', bare ? mib(bare.peakRssBytes) : 'skipped'],
    ['median document page (gzip)', `${(documentPageGzip / 1024).toFixed(1)} KiB`],
    ['largest page', `${relative(dist, largest.path)} ${mib(largest.bytes)}`],
  ];
  console.log('| measure | value |\n|---|---|');
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
} finally {
  await repository.dispose();
  await rm(work, { recursive: true, force: true });
}
