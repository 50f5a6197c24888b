import { isInShard } from '../lib/shard';
import { BUILD_SHARD } from './archive';

/**
 * The routes of a list that this build renders: every n-th, when the build is one of n. Routes are
 * dealt page by page, not document by document: the pages of one document differ too much in cost
 * (a version of 200 kB against one of 2 kB) for any weight of documents to balance the builds, and
 * dealt one by one they come out within a few pages of each other.
 */
export function routesOfThisShard<T>(routes: T[]): T[] {
  const shard = BUILD_SHARD;
  return shard ? routes.filter((_, position) => isInShard(position, shard)) : routes;
}
