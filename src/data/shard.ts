import type { DocumentEntry } from '../lib/archive/index-archive';
import { balanceShards, isInShard } from '../lib/shard';
import { BUILD_SHARD, loadArchive } from './archive';

let documentsInShard: Promise<DocumentEntry[]> | undefined;

/**
 * The documents whose pages this build renders. All pages of a document go to one shard; documents
 * are balanced by the pages they make (two per version, one per provision): on the contrib collection,
 * splitting by bytes of text left one build 157,506 pages and the other 61,137, and finishing six
 * minutes later.
 */
export function documentsOfThisShard(): Promise<DocumentEntry[]> {
  const shard = BUILD_SHARD;
  documentsInShard ??= loadArchive().then(({ documents }) => {
    if (!shard) return documents;
    const weights = documents.map((document) => 2 * document.versions.length + document.provisions.length);
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
