/**
 * npm run derive -- [--shard i/n]
 * Derives the documents of one shard of the archive (FINEPRINT_ARCHIVE) into the cache: provisions,
 * change kinds and summaries. scripts/build.ts runs one per core before the site builds; a matrix of
 * jobs can run one each and share the cache folder.
 */
import { parseArgs } from 'node:util';
import { deriveShard } from '../src/data/archive';
import { parseShard } from '../src/lib/shard';

const { values } = parseArgs({ options: { shard: { type: 'string', default: '1/1' } } });
const shard = parseShard(values.shard);
const start = performance.now();
const documents = await deriveShard(shard);
console.log(`Derived ${documents} documents of shard ${shard.index}/${shard.count} in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
