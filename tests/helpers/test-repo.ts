import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway git repository in a temp dir, with commits at fixed dates. */
export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes (or, with null, deletes) files and commits them at `date` (ISO 8601). Returns the commit id. */
  commit(files: Record<string, string | null>, message: string, date: string): string;
  remove(): void;
}

/** Creates an empty repository with a fixed identity, on branch main. */
export function makeTestRepo(prefix = 'fineprint-repo-'): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    commit(files, message, date) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) {
          git('rm', '-q', '--', path);
          continue;
        }
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
        git('add', '--', path);
      }
      execFileSync('git', ['-C', dir, 'commit', '-q', '--allow-empty', '-m', message], {
        env: {
          ...process.env,
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
      });
      return git('rev-parse', 'HEAD').trim();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
