import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DerivedCache, DerivedDocument } from './index-archive';

/** Where derived data is kept between builds (the deploy workflow caches this folder). */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/fineprint/derived';

/**
 * A derived-data cache of one JSON file per key in `dir`. A file that cannot be read or parsed is a
 * miss; writes go through a temporary file and a rename, so a killed build never leaves half a file.
 */
export function createDerivedCache(dir: string = DEFAULT_CACHE_DIR): DerivedCache {
  let ready: Promise<unknown> | undefined;
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as DerivedDocument;
      } catch {
        return null;
      }
    },
    async set(key, value) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const file = join(dir, `${key}.json`);
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, file);
    },
  };
}
