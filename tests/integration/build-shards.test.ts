import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDING_TEST_TIMEOUT, buildSite, FIXTURE_SITE, fixtureSite } from '../helpers/build-site';
import { differingFiles, filesOf } from '../helpers/site-files';
import { makeTempDir } from '../helpers/temp-dir';

let sharded: Map<string, Buffer>;
let archive: string;

beforeAll(async () => {
  const site = await fixtureSite();
  archive = site.archive;
  sharded = filesOf(site.outDir);
});

describe('a site built in shards', { timeout: BUILDING_TEST_TIMEOUT }, () => {
  it('is byte for byte the site of one build', () => {
    const outDir = join(makeTempDir('fineprint-one-build-'), 'dist');
    buildSite({ archive, outDir, ...FIXTURE_SITE, shards: 1 });
    const whole = filesOf(outDir);
    expect(whole.size).toBeGreaterThan(100);
    expect(differingFiles(whole, sharded)).toEqual([]);
  });

  it('is the same when its shares are built apart, as jobs of a matrix would, and merged', () => {
    const dir = makeTempDir('fineprint-matrix-');
    for (const shard of ['1/2', '2/2']) buildSite({ archive, outDir: join(dir, `part-${shard[0]}`), ...FIXTURE_SITE, args: ['--shard', shard] });
    const parts = [filesOf(join(dir, 'part-1')), filesOf(join(dir, 'part-2'))];
    expect(parts.every((part) => part.size < sharded.size)).toBe(true);
    buildSite({ archive, outDir: join(dir, 'dist'), ...FIXTURE_SITE, args: ['--merge', join(dir, 'part-1'), join(dir, 'part-2')] });
    expect(differingFiles(filesOf(join(dir, 'dist')), sharded)).toEqual([]);
  });
});
