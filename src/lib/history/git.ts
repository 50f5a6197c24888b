import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HistoryError } from '../errors';

/** The only module that spawns git. Everything else receives strings and buffers. */

const execFileAsync = promisify(execFile);

async function git(repo: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-C', repo, ...args], { maxBuffer: 1 << 30, encoding: 'utf8' });
  return stdout;
}

/** Stops with a clear error unless `repo` is a full (non-shallow) git repository with at least one commit. */
export async function assertFullRepository(repo: string): Promise<void> {
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

/**
 * Reads blobs through one long-lived `git cat-file --batch` process. Requests are answered in order;
 * the batch output is `<oid> blob <size>\n<content>\n`, or `<oid> missing\n`.
 */
export class BlobReader {
  private readonly process;
  private readonly pending: PendingRead[] = [];
  private chunks: Buffer[] = [];
  private received = 0;
  private awaitedLength: number | null = null;
  private unsent: string[] = [];
  private closed = false;

  constructor(repo: string) {
    this.process = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.on('error', (error) => this.failAll(error));
    this.process.on('exit', (code) => {
      if (this.pending.length) this.failAll(new HistoryError(`git cat-file exited (code ${code}) with reads pending.`));
    });
    this.setIdle(true);
  }

  // An idle reader must not keep Node running (a build ends without closing it); a busy one must.
  private setIdle(idle: boolean): void {
    // The pipes are sockets, which can be unref'd like the process itself.
    for (const handle of [this.process, this.process.stdout, this.process.stdin] as { ref(): void; unref(): void }[]) {
      if (idle) handle.unref();
      else handle.ref();
    }
  }

  /** The content of one blob. */
  read(oid: string): Promise<Buffer> {
    if (this.closed) return Promise.reject(new HistoryError('The blob reader is closed.'));
    return new Promise((resolve, reject) => {
      if (!this.pending.length) this.setIdle(false);
      this.pending.push({ oid, resolve, reject });
      // Requests made in the same tick go to git in one write.
      if (this.unsent.push(oid) === 1) queueMicrotask(() => this.sendUnsent());
    });
  }

  private sendUnsent(): void {
    if (!this.unsent.length) return;
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
    if (this.unsent.length) this.sendUnsent();
    this.process.stdin.end();
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.length;
    for (;;) {
      const request = this.pending[0];
      if (!request) return;
      // Wait for the whole answer before joining chunks, so a large blob is copied once.
      if (this.awaitedLength !== null && this.received < this.awaitedLength) return;
      const buffer = this.takeAll();
      const headerEnd = buffer.indexOf(0x0a);
      if (headerEnd < 0) return this.keep(buffer);
      const header = buffer.subarray(0, headerEnd).toString('utf8');
      if (header.endsWith(' missing')) {
        this.pending.shift();
        if (!this.pending.length) this.setIdle(true);
        this.keep(buffer.subarray(headerEnd + 1));
        request.reject(new HistoryError(`Blob ${request.oid} is missing from the repository.`));
        continue;
      }
      const answerLength = headerEnd + 1 + Number(header.split(' ')[2]) + 1;
      if (buffer.length < answerLength) {
        this.awaitedLength = answerLength;
        return this.keep(buffer);
      }
      this.awaitedLength = null;
      this.pending.shift();
      if (!this.pending.length) this.setIdle(true);
      this.keep(buffer.subarray(answerLength));
      request.resolve(buffer.subarray(headerEnd + 1, answerLength - 1));
    }
  }

  private takeAll(): Buffer {
    const buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.received);
    this.chunks = [];
    this.received = 0;
    return buffer;
  }

  private keep(rest: Buffer): void {
    if (!rest.length) return;
    this.chunks.push(rest);
    this.received += rest.length;
  }

  private failAll(error: Error): void {
    for (const request of this.pending.splice(0)) request.reject(error);
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
