import type { DocumentEntry } from '../lib/archive/index-archive';
import { balanceShards, isInShard } from '../lib/shard';
import { BUILD_SHARD, loadArchive } from './archive';

let documentsInShard: Promise<DocumentEntry[]> | undefined;

/**
 * The documents whose pages this build renders. All pages of a document go to one shard; documents
 * are balanced by the bytes of their versions, which is what their pages cost to render.
 */
export function documentsOfThisShard(): Promise<DocumentEntry[]> {
  const shard = BUILD_SHARD;
  documentsInShard ??= loadArchive().then(({ documents }) => {
    if (!shard) return documents;
    const weights = documents.map((document) => document.versions.reduce((sum, version) => sum + version.bytes, 0));
    const shards = balanceShards(weights, shard.count);
    return documents.filter((_, position) => shards[position] === shard.index);
  });
  return documentsInShard;
}

/** The routes of a list that this build renders: every n-th, when the build is one of n. */
export function routesOfThisShard<T>(routes: T[]): T[] {
  const shard = BUILD_SHARD;
  return shard ? routes.filter((_, position) => isInShard(position, shard)) : routes;
}
