/**
 * npm run bench:history -- <repository or .bundle>
 * Times the history reader (one git log pass, every version's text read through one cat-file process)
 * against the git floor: the same `git log --raw` and a `git cat-file --batch` of the same blobs.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BlobReader, cloneBare, drainBlobs, readRawLog } from '../src/lib/history/git';
import { layoutPathspec } from '../src/lib/history/history';
import { detectLayout, readHistory } from '../src/lib/history/read-history';

const source = process.argv[2];
if (!source) {
  console.error('Usage: npm run bench:history -- <repository or .bundle>');
  process.exit(2);
}
let repo = resolve(source);
let temp: string | null = null;
if ((await stat(repo)).isFile()) {
  temp = await mkdtemp(join(tmpdir(), 'fineprint-bench-'));
  repo = join(temp, 'archive.git');
  await cloneBare(resolve(source), repo);
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function readWithReader() {
  const read = await readHistory(repo);
  const blobs = new BlobReader(repo);
  const sizes = await Promise.all(read.documents.flatMap((d) => d.versions.map(async (v) => (await blobs.read(v.blob)).length)));
  blobs.close();
  return { read, bytes: sizes.reduce((a, b) => a + b, 0) };
}

async function readFloor(oids: string[]) {
  await readRawLog(repo, layoutPathspec(await detectLayout(repo)));
  return drainBlobs(repo, oids);
}

// Alternate the two and keep each one's best of three, so neither profits from a warmer cache.
const [history] = await timed(readWithReader);
const oids = history.read.documents.flatMap((d) => d.versions.map((v) => v.blob));
let readerMs = Infinity;
let floorMs = Infinity;
for (let round = 0; round < 3; round++) {
  floorMs = Math.min(floorMs, (await timed(() => readFloor(oids)))[1]);
  readerMs = Math.min(readerMs, (await timed(readWithReader))[1]);
}

const versions = oids.length;
console.log('| repository | documents | versions | text read | history reader | git floor | ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${source} | ${history.read.documents.length} | ${versions} | ${(history.bytes / 2 ** 20).toFixed(1)} MiB | ${readerMs.toFixed(0)} ms | ${floorMs.toFixed(0)} ms | ${(readerMs / floorMs).toFixed(2)} |`,
);
if (temp) await rm(temp, { recursive: true, force: true });
