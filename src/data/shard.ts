import type { DocumentEntry } from '../lib/archive/index-archive';
import { balanceShards, isInShard, parseShard, type Shard } from '../lib/shard';
import { loadArchive } from './archive';

/**
 * The part of the site this build renders: FINEPRINT_BUILD_SHARD=i/n, set by scripts/build.ts, which
 * runs n builds side by side and merges their output. Unset, the build renders every page.
 */
export const BUILD_SHARD: Shard | null = process.env.FINEPRINT_BUILD_SHARD
  ? parseShard(process.env.FINEPRINT_BUILD_SHARD, 'FINEPRINT_BUILD_SHARD')
  : null;

let documentsInShard: Promise<DocumentEntry[]> | undefined;

/**
 * The documents whose pages this build renders. All pages of a document go to one shard; documents
 * are balanced by the bytes of their versions, which is what their pages cost to render.
 */
export function documentsOfThisShard(): Promise<DocumentEntry[]> {
  documentsInShard ??= loadArchive().then(({ documents }) => {
    if (!BUILD_SHARD) return documents;
    const weights = documents.map((document) => document.versions.reduce((sum, version) => sum + version.bytes, 0));
    const shards = balanceShards(weights, BUILD_SHARD.count);
    return documents.filter((_, position) => shards[position] === BUILD_SHARD.index);
  });
  return documentsInShard;
}

/** The routes of a list that this build renders: every n-th, when the build is one of n. */
export function routesOfThisShard<T>(routes: T[]): T[] {
  return BUILD_SHARD ? routes.filter((_, position) => isInShard(position, BUILD_SHARD)) : routes;
}
