import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where derived data and rendered HTML are kept between builds (the deploy workflow caches this folder). */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/fineprint';

/** A content-addressed store of text: what is derived from immutable blobs never needs computing twice. */
export interface DiskCache {
  get(key: string): string | null;
  has(key: string): boolean;
  set(key: string, value: string): void;
  /** The cached value for `key`, computed and stored on a miss. */
  remember(key: string, compute: () => string): string;
}

/** A cache key from its parts (blob ids, a format version…), safe as a file name. */
export function cacheKey(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/**
 * A disk cache of one file per key under `dir`, spread over 256 sub-folders. A file that cannot be read
 * is a miss; writes go through a temporary file and a rename, so a killed build never leaves half a file.
 */
export function createDiskCache(dir: string): DiskCache {
  const fileOf = (key: string) => join(dir, key.slice(0, 2), key);
  const cache: DiskCache = {
    get(key) {
      try {
        return readFileSync(fileOf(key), 'utf8');
      } catch {
        return null;
      }
    },
    has(key) {
      return existsSync(fileOf(key));
    },
    set(key, value) {
      const file = fileOf(key);
      const temporary = `${file}.${process.pid}.tmp`;
      // A cold build writes hundreds of thousands of entries into 256 folders: a folder is made when a write finds it missing.
      try {
        writeFileSync(temporary, value);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
        writeFileSync(temporary, value);
      }
      renameSync(temporary, file);
    },
    remember(key, compute) {
      const cached = cache.get(key);
      if (cached !== null) return cached;
      const value = compute();
      cache.set(key, value);
      return value;
    },
  };
  return cache;
}
