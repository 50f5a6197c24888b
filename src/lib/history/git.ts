import { spawn, execFile, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { HistoryError } from '../errors';
import { BatchOutputParser } from './parse-batch';

/** The only module that spawns git. Everything else receives strings and buffers. */

const execFileAsync = promisify(execFile);

async function git(repo: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-C', repo, ...args], { maxBuffer: 1 << 30, encoding: 'utf8' });
  return stdout;
}

/** Stops with a clear error unless `repo` is a full (non-shallow) git repository with at least one commit. */
export async function assertFullRepository(repo: string): Promise<void> {
  // One process answers for a sound repository ("false", not shallow, then the tip commit); only
  // when it does not do the separate checks below find what is wrong.
  const answer = await git(repo, ['rev-parse', '--is-shallow-repository', '--verify', '-q', 'HEAD']).catch(() => '');
  if (answer.startsWith('false\n')) return;
  try {
    await git(repo, ['rev-parse', '--git-dir']);
  } catch {
    throw new HistoryError(
      `"${repo}" is not a git repository. Set FINEPRINT_ARCHIVE to the path of a clone of an archive (ours or an Open Terms Archive versions repository).`,
    );
  }
  const shallow = (await git(repo, ['rev-parse', '--is-shallow-repository'])).trim();
  if (shallow === 'true') {
    throw new HistoryError(
      `"${repo}" is a shallow clone: its history is incomplete, so versions would be missing. Fetch the full history with "git fetch --unshallow" (in GitHub Actions: actions/checkout with fetch-depth: 0).`,
    );
  }
  try {
    await git(repo, ['rev-parse', '--verify', 'HEAD']);
  } catch {
    throw new HistoryError(`"${repo}" has no commits yet: there is no history to publish.`);
  }
}

/** Field and record separators of the log format; they cannot occur in commit metadata. */
export const LOG_RECORD_SEPARATOR = '\x1e';
export const LOG_FIELD_SEPARATOR = '\x1f';

/**
 * One `git log` over the whole history: every commit (oldest first) with the blob ids of the files it
 * touched under `paths`. See parse-log.ts for the format.
 */
export async function readRawLog(repo: string, paths: string[]): Promise<string> {
  return git(repo, [
    '-c',
    'core.quotePath=false',
    'log',
    '--reverse',
    '--topo-order',
    '-z',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    `--format=${LOG_RECORD_SEPARATOR}%H${LOG_FIELD_SEPARATOR}%P${LOG_FIELD_SEPARATOR}%aI${LOG_FIELD_SEPARATOR}%B${LOG_FIELD_SEPARATOR}`,
    'HEAD',
    '--',
    ...paths,
  ]);
}

/** The files of the tip commit under `path`, one per line, as `git ls-tree` names them. */
export async function listTipFiles(repo: string, path: string): Promise<string[]> {
  const out = await git(repo, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', path]);
  return out.split('\0').filter(Boolean);
}

interface PendingRead {
  oid: string;
  resolve: (content: Buffer) => void;
  reject: (error: Error) => void;
}

/** How much of git's output one read of the output socket takes. */
const OUTPUT_READ_SIZE = 1 << 16;

/**
 * A connected pair of local sockets: a child process writes to `writer`, and Node reads `reader` into
 * one reused buffer, handing each read's bytes to `onRead`, which must copy what it keeps.
 *
 * Why not a pipe: Node gives every read of a pipe a new buffer (git writes a blob in 16 KiB pieces, so
 * there are about three per blob), and across gigabytes those allocations, on top of the blobs' own,
 * make the garbage collector stop Node so often that git, blocked on a full 64 KiB pipe, waits through
 * each stop. Read this way, the blobs' copies are the only allocations, and the socket buffers more.
 */
async function openOutputSocket(onRead: (bytes: Buffer) => void): Promise<{ reader: Socket; writer: Socket }> {
  const dir = await mkdtemp(join(tmpdir(), 'fineprint-cat-file-'));
  try {
    const server = createServer();
    server.listen(join(dir, 'output'));
    await once(server, 'listening');
    const accepted = once(server, 'connection') as Promise<[Socket]>;
    const buffer = Buffer.allocUnsafe(OUTPUT_READ_SIZE);
    const callback = (length: number) => {
      onRead(buffer.subarray(0, length));
      return true; // false would pause the socket
    };
    const reader = connect({ path: join(dir, 'output'), onread: { buffer, callback } });
    const [[writer]] = await Promise.all([accepted, once(reader, 'connect')]);
    // Closing the server removes its socket file; the connection stays open.
    server.close();
    return { reader, writer };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// git keeps up to 96 MiB of delta bases by default, and each build has its own reader. Reading all of
// contrib's 42,627 blobs in the order pages are built: 197 MiB resident in 5.6 s by default, 113 MiB
// in 6.0 s with 32 MiB, 92 MiB in 8.3 s with 16 MiB.
const DELTA_BASE_CACHE = '32m';

/**
 * Reads blobs through one long-lived `git cat-file --batch` process (its output parsed in
 * parse-batch.ts). Requests are answered in the order they were made.
 */
export class BlobReader {
  private process: ChildProcessByStdio<Writable, null, null> | null = null;
  private output: Socket | null = null;
  // Why no read can be answered any more (git could not start, or it stopped with reads pending).
  private failure: Error | null = null;
  // A queue read from `answered` on: shifting a long array moves all its items, for every answer.
  private pending: PendingRead[] = [];
  private answered = 0;
  private unsent: string[] = [];
  private closed = false;
  private readonly parser = new BatchOutputParser((content) => this.answer(content));

  constructor(repo: string) {
    this.start(repo).catch((error: Error) => this.failAll(new HistoryError(`git cat-file failed in "${repo}": ${error.message}`)));
  }

  private async start(repo: string): Promise<void> {
    const { reader, writer } = await openOutputSocket((bytes) => this.parser.push(bytes));
    const child = spawn('git', ['-C', repo, '-c', `core.deltaBaseCacheLimit=${DELTA_BASE_CACHE}`, 'cat-file', '--batch'], {
      stdio: ['pipe', writer, 'inherit'],
    });
    // git holds its own copy of the writing end; ours would keep the socket open after git exits.
    writer.destroy();
    // A git that stops early breaks the pipe; its exit, awaited below, says what happened.
    child.stdin.on('error', () => {});
    this.process = child;
    this.output = reader;
    this.setIdle(!this.hasPending());
    this.sendUnsent();
    if (this.closed) child.stdin.end();
    // The output can still hold answers when git exits: what is left fails only once it is read to the end.
    // Either wait rejects on an 'error' event (git could not be run, the socket broke).
    const [[code]] = await Promise.all([once(child, 'exit') as Promise<[number | null]>, once(reader, 'close')]);
    if (this.hasPending()) this.failAll(new HistoryError(`git cat-file exited (code ${code}) with reads pending.`));
  }

  // An idle reader must not keep Node running (a build ends without closing it); a busy one must.
  private setIdle(idle: boolean): void {
    if (!this.process || !this.output) return;
    for (const handle of [this.process, this.process.stdin, this.output] as { ref(): void; unref(): void }[]) {
      if (idle) handle.unref();
      else handle.ref();
    }
  }

  /** The content of one blob. */
  read(oid: string): Promise<Buffer> {
    if (this.closed) return Promise.reject(new HistoryError('The blob reader is closed.'));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      if (!this.hasPending()) this.setIdle(false);
      this.pending.push({ oid, resolve, reject });
      // Requests made in the same tick go to git in one write.
      if (this.unsent.push(oid) === 1) queueMicrotask(() => this.sendUnsent());
    });
  }

  // Until git has started, requests wait in `unsent`; starting sends them.
  private sendUnsent(): void {
    if (!this.unsent.length || !this.process) return;
    this.process.stdin.write(`${this.unsent.join('\n')}\n`);
    this.unsent = [];
  }

  /** The content of one blob as UTF-8 text. */
  async readText(oid: string): Promise<string> {
    return (await this.read(oid)).toString('utf8');
  }

  /** Ends the git process once every pending read is answered. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.process) return;
    this.sendUnsent();
    this.process.stdin.end();
  }

  private hasPending(): boolean {
    return this.answered < this.pending.length;
  }

  private takeNextRequest(): PendingRead {
    const request = this.pending[this.answered++]!;
    if (!this.hasPending()) {
      this.pending = [];
      this.answered = 0;
      this.setIdle(true);
    } else if (this.answered >= 1024 && this.answered * 2 >= this.pending.length) {
      this.pending = this.pending.slice(this.answered);
      this.answered = 0;
    }
    return request;
  }

  private answer(content: Buffer | null): void {
    const request = this.takeNextRequest();
    if (content) request.resolve(content);
    else request.reject(new HistoryError(`Blob ${request.oid} is missing from the repository.`));
  }

  private failAll(error: Error): void {
    this.failure = error;
    const requests = this.pending.slice(this.answered);
    this.pending = [];
    this.answered = 0;
    for (const request of requests) request.reject(error);
  }
}

/** Clones a repository or a `.bundle` file into `dir` (bare: only its history is read). */
export async function cloneBare(source: string, dir: string): Promise<void> {
  await execFileAsync('git', ['clone', '-q', '--bare', source, dir], { maxBuffer: 1 << 26 });
}

/** The current branch's ref and tip commit (null tip on an unborn branch). */
export async function readBranch(repo: string): Promise<{ ref: string; tip: string | null }> {
  let ref: string;
  try {
    ref = (await git(repo, ['symbolic-ref', '-q', 'HEAD'])).trim();
  } catch {
    throw new HistoryError(`"${repo}" has a detached HEAD: check out a branch before recording into it.`);
  }
  try {
    return { ref, tip: (await git(repo, ['rev-parse', '--verify', '-q', 'HEAD'])).trim() };
  } catch {
    return { ref, tip: null };
  }
}

/** Whether the work tree and index have no changes to tracked files under `path`. */
export async function isWorkTreeClean(repo: string, path: string): Promise<boolean> {
  return (await git(repo, ['status', '--porcelain', '--untracked-files=no', '--', path])).trim() === '';
}

/** All values of one trailer over the history of HEAD (for instance, what was already imported). */
export async function readTrailerValues(repo: string, key: string): Promise<string[]> {
  try {
    await git(repo, ['rev-parse', '--verify', '-q', 'HEAD']);
  } catch {
    return [];
  }
  const out = await git(repo, ['log', `--format=%(trailers:key=${key},valueonly,separator=%x00)%x00`, 'HEAD']);
  return out.split('\0').map((value) => value.trim()).filter(Boolean);
}

/**
 * Writes commits with one `git fast-import` process reading `stream` (the fast-import format), then
 * (unless told not to, as for a bare repository) moves the index and work tree from `fromTip` to the
 * branch's new tip. Local edits are kept, and the update refuses to overwrite them.
 */
export async function fastImport(
  repo: string,
  stream: AsyncIterable<Buffer>,
  fromTip: string | null,
  { updateWorkTree = true }: { updateWorkTree?: boolean } = {},
): Promise<string> {
  const child = spawn('git', ['-C', repo, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // If fast-import stops early, its exit code and message say why; the broken pipe adds nothing.
  let stopped = false;
  child.stdin.on('error', () => (stopped = true));
  for await (const chunk of stream) {
    if (stopped) break;
    if (!child.stdin.write(chunk)) {
      await new Promise<void>((resolve) => {
        const resume = () => {
          child.stdin.off('drain', resume).off('close', resume);
          resolve();
        };
        child.stdin.on('drain', resume).on('close', resume);
      });
    }
  }
  if (!stopped) child.stdin.end('done\n');
  const code = await exited;
  if (code !== 0) throw new HistoryError(`git fast-import failed in "${repo}": ${stderr.trim()}`);
  const tip = (await git(repo, ['rev-parse', 'HEAD'])).trim();
  if (updateWorkTree) await git(repo, fromTip ? ['read-tree', '-m', '-u', fromTip, tip] : ['read-tree', '-m', '-u', tip]);
  return tip;
}

/**
 * Streams the given blobs through one `git cat-file --batch` and discards them, returning the bytes
 * read: the floor any blob reader is measured against.
 */
export async function drainBlobs(repo: string, oids: string[]): Promise<number> {
  const child = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let bytes = 0;
  child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const exited = new Promise((resolve) => child.on('close', resolve));
  child.stdin.end(`${oids.join('\n')}\n`);
  await exited;
  return bytes;
}
