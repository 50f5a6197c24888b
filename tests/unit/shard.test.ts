import { describe, expect, it } from 'vitest';
import { balanceShards, isInShard, ownShareFirst, parseShard } from '../../src/lib/shard';

describe('shards', () => {
  it('parses i/n and names the source of a value it rejects', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('4/3')).toThrow('Invalid --shard "4/3": write i/n with 1 ≤ i ≤ n, e.g. 2/4.');
    expect(() => parseShard('0/2', 'FINEPRINT_BUILD_SHARD')).toThrow('Invalid FINEPRINT_BUILD_SHARD "0/2"');
  });

  it('deals positions round-robin', () => {
    expect([0, 1, 2, 3, 4].filter((position) => isInShard(position, { index: 2, count: 2 }))).toEqual([1, 3]);
  });

  it('balances weights greedily, heaviest first, so every shard gets a near-equal total', () => {
    expect(balanceShards([5, 1, 4, 2, 3, 3], 2)).toEqual([1, 1, 2, 2, 2, 1]);
    expect(balanceShards([7, 7], 3)).toEqual([1, 2]);
    expect(balanceShards([], 2)).toEqual([]);
  });

  it('puts its own share first, then the others from the end, to meet the process still on its share halfway', () => {
    expect(ownShareFirst(['a', 'b', 'c', 'd', 'e', 'f'], (item) => 'ace'.includes(item))).toEqual(['a', 'c', 'e', 'f', 'd', 'b']);
  });
});
