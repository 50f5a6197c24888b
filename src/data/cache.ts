import { join } from 'node:path';
import { createDiskCache, DEFAULT_CACHE_DIR } from '../lib/cache/disk-cache';

/** The build's caches, under FINEPRINT_CACHE_DIR (default node_modules/.cache/fineprint). */
const root = process.env.FINEPRINT_CACHE_DIR ?? DEFAULT_CACHE_DIR;

/** Derived data of documents (checksums, provisions, change summaries), by their blobs. */
export const derivedDisk = createDiskCache(join(root, 'derived'));

/** The texts of provisions in the versions where they changed, by their SHA-256 (see IndexedProvisionEvent). */
export const provisionTextDisk = createDiskCache(join(root, 'provision-texts'));

/** Rendered HTML of tracked texts and diffs, by the blobs they come from. */
export const htmlCache = createDiskCache(join(root, 'html'));
