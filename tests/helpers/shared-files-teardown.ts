import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sharedRunPath } from './build-site';

/** Vitest global setup: once the run ends, removes what its test files shared (see sharedRunPath). */
export function teardown(): void {
  const marker = sharedRunPath('', process.pid);
  const prefix = basename(marker);
  for (const entry of readdirSync(dirname(marker))) {
    if (entry.startsWith(prefix)) rmSync(join(dirname(marker), entry), { recursive: true, force: true });
  }
}
