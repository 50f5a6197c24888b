import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cloneBare, fastImport } from '../history/git';
import { generateSyntheticArchive } from './synthetic';

/** A repository to benchmark, and how to clean it up. */
export interface BenchRepository {
  path: string;
  dispose(): Promise<void>;
}

/**
 * A bare clone of a repository folder or `.bundle` in a temp folder (with `readOnly`, a folder is used
 * as it is), so a benchmark can add commits without touching the source.
 */
export async function openRepository(source: string, { readOnly = false } = {}): Promise<BenchRepository> {
  const path = resolve(source);
  if (readOnly && !(await stat(path)).isFile()) return { path, dispose: async () => {} };
  const temp = await mkdtemp(join(tmpdir(), 'fineprint-bench-'));
  await cloneBare(path, join(temp, 'archive.git'));
  return { path: join(temp, 'archive.git'), dispose: () => rm(temp, { recursive: true, force: true }) };
}

async function* syntheticStream(count: number, seed: number): AsyncGenerator<Buffer> {
  for (const version of generateSyntheticArchive(count, seed)) {
    const when = `${Math.floor(version.date.getTime() / 1000)} +0000`;
    const message = Buffer.from(`${version.subject}\n`);
    const text = Buffer.from(version.text);
    yield Buffer.from(`commit refs/heads/main\nauthor Fineprint Bench <bench@fineprint.invalid> ${when}\ncommitter Fineprint Bench <bench@fineprint.invalid> ${when}\ndata ${message.length}\n`);
    yield message;
    yield Buffer.from(`\nM 100644 inline ${version.path}\ndata ${text.length}\n`);
    yield text;
    yield Buffer.from('\n');
  }
}

/**
 * A new repository holding `count` synthetic versions in Open Terms Archive's layout (see synthetic.ts),
 * packed as a clone of a real archive is. fast-import stores each blob as a delta of the blob written
 * just before it, another document's as often as not; reading one document's versions then undoes
 * chains of unrelated deltas (at 10k versions: 21 s for what takes 0.8 s once repacked).
 */
export async function createSyntheticRepository(count: number, seed = 42): Promise<BenchRepository> {
  const temp = await mkdtemp(join(tmpdir(), 'fineprint-synthetic-'));
  const path = join(temp, 'archive');
  await promisify(execFile)('git', ['init', '-q', '-b', 'main', path]);
  await fastImport(path, syntheticStream(count, seed), null);
  await promisify(execFile)('git', ['-C', path, 'repack', '-a', '-d', '-f', '-q']);
  return { path, dispose: () => rm(temp, { recursive: true, force: true }) };
}

/**
 * Records one more version of the file at `path` (its text with one sentence appended) on top of the
 * repository's tip, without a work tree: the "one new version" of an incremental rebuild.
 */
export async function appendOneVersion(repo: string, path: string, text: string, date: Date): Promise<void> {
  const tip = (await promisify(execFile)('git', ['-C', repo, 'rev-parse', 'HEAD'])).stdout.trim();
  const when = `${Math.floor(date.getTime() / 1000)} +0000`;
  const message = Buffer.from('Record new changes of benchmark document\n');
  const content = Buffer.from(`${text}\nOne more sentence recorded for the incremental benchmark.\n`);
  async function* stream(): AsyncGenerator<Buffer> {
    yield Buffer.from(`commit refs/heads/main\nauthor Fineprint Bench <bench@fineprint.invalid> ${when}\ncommitter Fineprint Bench <bench@fineprint.invalid> ${when}\ndata ${message.length}\n`);
    yield message;
    yield Buffer.from(`from ${tip}\nM 100644 inline ${path}\ndata ${content.length}\n`);
    yield content;
    yield Buffer.from('\n');
  }
  await fastImport(repo, stream(), tip, { updateWorkTree: false });
}
