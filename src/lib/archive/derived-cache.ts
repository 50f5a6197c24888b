import type { DiskCache } from '../cache/disk-cache';
import type { DerivedCache, DerivedDocument } from './index-archive';

/** The derived data of documents, kept as JSON in a disk cache (unreadable JSON is a miss), and provision texts in another. */
export function createDerivedCache(disk: DiskCache, texts: DiskCache): DerivedCache {
  return {
    async get(key) {
      const text = disk.get(key);
      if (text === null) return null;
      try {
        return JSON.parse(text) as DerivedDocument;
      } catch {
        return null;
      }
    },
    async set(key, value) {
      disk.set(key, JSON.stringify(value));
    },
    async hasText(id) {
      return texts.has(id);
    },
    async setText(id, text) {
      if (!texts.has(id)) texts.set(id, text);
    },
  };
}
