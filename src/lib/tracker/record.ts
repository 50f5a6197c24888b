import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { parseTrailers, type Trailer } from '../history/commit-message';

/** The identity of every commit the tracker makes. */
export const BOT_NAME = 'Fineprint Bot';
/** The e-mail of the tracker's commits (deliberately undeliverable). */
export const BOT_EMAIL = 'bot@fineprint.invalid';

/** Writes a file so that a reader (or a killed run) sees the old bytes or the new ones, never a mix. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The last committed record of a file: its commit, its text at HEAD and its trailers. */
export interface LastRecord {
  commit: string;
  text: string;
  trailers: Trailer[];
}

/** Reads the version of `relativePath` at HEAD and the commit that last recorded it; undefined when never recorded. */
export async function readLastRecord(git: SimpleGit, relativePath: string): Promise<LastRecord | undefined> {
  // `git log -1 --format=%H%x00%B -- <path>`: the commit id, a NUL, then the full message.
  const log = await git.raw(['log', '-1', '--format=%H%x00%B', '--', relativePath]).catch(() => '');
  if (!log.trim()) return undefined;
  const [commit, message = ''] = log.split('\0');
  const text = await git.raw(['show', `HEAD:${relativePath}`]).catch(() => undefined);
  if (text === undefined) return undefined;
  return { commit: commit!.trim(), text, trailers: parseTrailers(message) };
}

/** The text of a file at a commit, or undefined when it did not exist there. */
export async function readFileAt(git: SimpleGit, commit: string, relativePath: string): Promise<string | undefined> {
  return git.raw(['show', `${commit}:${relativePath}`]).catch(() => undefined);
}

/** Stages and commits one file as Fineprint Bot, with author and committer date = `date`; returns the new commit id. */
export async function commitFile(repoDir: string, relativePath: string, message: string, date: Date): Promise<string> {
  const iso = date.toISOString();
  const identity = {
    GIT_AUTHOR_NAME: BOT_NAME,
    GIT_AUTHOR_EMAIL: BOT_EMAIL,
    GIT_COMMITTER_NAME: BOT_NAME,
    GIT_COMMITTER_EMAIL: BOT_EMAIL,
    GIT_AUTHOR_DATE: iso,
    GIT_COMMITTER_DATE: iso,
  };
  // simple-git guards GIT_* variables: name the ones we set, and pass only what git needs besides.
  const git = simpleGit({ baseDir: repoDir, allowEnvironment: Object.keys(identity) }).env({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...identity,
  });
  // Both commands print (--verbose, no --quiet): simple-git waits 50 ms more after a process that printed nothing.
  await git.raw(['add', '--verbose', '--', relativePath]);
  await git.raw(['commit', '--no-verify', '--no-gpg-sign', '--cleanup=verbatim', '-m', message, '--', relativePath]);
  return (await git.revparse(['HEAD'])).trim();
}
