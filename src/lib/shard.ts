import { FineprintError } from './errors';

/** One part of a job split `count` ways: part `index`, 1-based as on command lines (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); `source` names where the value came from, for the error. */
export function parseShard(value: string, source = '--shard'): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new FineprintError(`Invalid ${source} "${value}": write i/n with 1 ≤ i ≤ n, e.g. 2/4.`);
  }
  return { index, count };
}

/** Whether the item at `position` of a list split round-robin belongs to `shard`. */
export function isInShard(position: number, shard: Shard): boolean {
  return position % shard.count === shard.index - 1;
}

/**
 * The 1-based shard of each item when items of these weights are split `count` ways with totals as
 * even as a greedy split makes them: heaviest first, each to the lightest shard so far (ties go to
 * the lower shard, so every process that splits the same weights gets the same answer).
 */
export function balanceShards(weights: readonly number[], count: number): number[] {
  const totals = new Array<number>(count).fill(0);
  const shards = new Array<number>(weights.length);
  const order = weights.map((weight, position) => ({ weight, position })).sort((a, b) => b.weight - a.weight || a.position - b.position);
  for (const { weight, position } of order) {
    let lightest = 0;
    for (let shard = 1; shard < count; shard++) if (totals[shard]! < totals[lightest]!) lightest = shard;
    totals[lightest]! += weight;
    shards[position] = lightest + 1;
  }
  return shards;
}

/**
 * The order in which one of several processes works through items it shares with the others through a
 * cache: its own share first, then the rest from the end. A process done early meets the one still on
 * its share halfway along it, instead of redoing the items that one is about to finish.
 */
export function ownShareFirst<T>(items: readonly T[], isOwn: (item: T) => boolean): T[] {
  return [...items.filter(isOwn), ...items.filter((item) => !isOwn(item)).reverse()];
}
