import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkBounds, readPagefindFile, rechunkWordIndex, splitWordIndex, type IndexedWord } from '../../../src/lib/search/rechunk-index';

const word = (text: string, ...pages: number[][]): IndexedWord => [text, pages.map((locations, page) => [page, locations])];

describe('splitting the word index', () => {
  it('closes a chunk once it holds the target count of locations, one extra per page, as Pagefind counts', () => {
    const words = [word('apple', [1, 2]), word('apricot', [3]), word('banana', [4, 5, 6]), word('cherry', [7], [8])];
    // apple 3, apricot 2 → 5; banana 4; cherry 4
    expect(splitWordIndex(words, 4).map((chunk) => chunk.map(([text]) => text))).toEqual([['apple', 'apricot'], ['banana'], ['cherry']]);
  });

  it('bounds neighbouring chunks by the shortest prefixes that tell them apart, by character', () => {
    const chunks = [[word('ab', [1]), word('arbitration', [2])], [word('arbitrator', [3])], [word('über', [4]), word('übrig', [5])]];
    expect(chunkBounds(chunks)).toEqual([
      { from: 'ab', to: 'arbitrati' },
      { from: 'arbitrato', to: 'a' },
      { from: 'ü', to: 'übrig' },
    ]);
  });
});

describe('rechunking a Pagefind bundle', () => {
  let site: string;
  const bundle = () => join(site, 'pagefind');
  const entry = async () => JSON.parse(await readFile(join(bundle(), 'pagefind-entry.json'), 'utf8')) as { languages: { en: { hash: string } } };
  const meta = async () => {
    const name = `pagefind.${(await entry()).languages.en.hash}.pf_meta`;
    return readPagefindFile(await readFile(join(bundle(), name)), name) as [string, unknown, [string, string, string][]];
  };
  const allWords = async () => {
    const words: IndexedWord[] = [];
    for (const [, , hash] of (await meta())[2]) {
      const name = `index/${hash}.pf_index`;
      words.push(...((readPagefindFile(await readFile(join(bundle(), name)), name) as [IndexedWord[]])[0]));
    }
    return words;
  };

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'fineprint-rechunk-'));
    const { index } = await pagefind.createIndex({});
    const words = Array.from({ length: 400 }, (_, i) => `term${i.toString(36)}`);
    for (let page = 0; page < 12; page++) {
      const text = words.filter((_, i) => i % (page + 2) === 0).join(' ');
      await index!.addHTMLFile({ url: `/page-${page}/`, content: `<html lang="en"><body><h1>Page ${page}</h1><p>${text} arbitration</p></body></html>` });
    }
    await index!.writeFiles({ outputPath: bundle() });
    await pagefind.close();
  });
  afterAll(async () => rm(site, { recursive: true, force: true }));

  it('keeps every word, page and location, in smaller chunks listed in new metadata', async () => {
    const before = await allWords();
    const oldMeta = `pagefind.${(await entry()).languages.en.hash}.pf_meta`;
    expect(await rechunkWordIndex(bundle(), 100)).toEqual([{ language: 'en', chunksBefore: 1, chunksAfter: 26 }]);
    expect(await allWords()).toEqual(before);
    const chunks = (await meta())[2];
    expect(chunks.length).toBe(26);
    expect(chunks[0]![0]).toBe(before[0]![0]);
    expect(chunks.at(-1)![1]).toBe(before.at(-1)![0]);
    const files = await readdir(join(bundle(), 'index'));
    expect(files.sort()).toEqual(chunks.map(([, , hash]) => `${hash}.pf_index`).sort());
    expect(await readdir(bundle())).not.toContain(oldMeta);
  });

  it('gives the same chunks when run again', async () => {
    const chunks = (await meta())[2];
    await rechunkWordIndex(bundle(), 100);
    expect((await meta())[2]).toEqual(chunks);
  });

  it('leaves an index it cannot read exactly as Pagefind wrote it, and says why', async () => {
    const copy = join(site, 'unreadable');
    await cp(bundle(), copy, { recursive: true });
    const [chunk] = (await meta())[2];
    await writeFile(join(copy, 'index', `${chunk![2]}.pf_index`), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('9f01ff', 'hex')])));
    const before = await readdir(copy, { recursive: true });
    expect(await rechunkWordIndex(copy, 50)).toEqual([
      {
        language: 'en',
        chunksBefore: 0,
        chunksAfter: 0,
        skipped: `index/${chunk![2]}.pf_index does not re-encode to the same bytes: the Pagefind bundle format has changed; update src/lib/search/rechunk-index.ts.`,
      },
    ]);
    expect(await readdir(copy, { recursive: true })).toEqual(before);
  });

  it('stops at a file that is not in the format it knows, naming it', async () => {
    const name = `pagefind.${(await entry()).languages.en.hash}.pf_meta`;
    expect(() => readPagefindFile(gzipSync(Buffer.from('not pagefind')), name)).toThrow(
      `${name} does not start with Pagefind's signature "pagefind_dcd": the Pagefind bundle format has changed; update src/lib/search/rechunk-index.ts.`,
    );
  });

  it('reads a word that starts with a byte order mark with its mark', () => {
    const file = (hex: string) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(hex, 'hex')]));
    // ["\uFEFF", "\uFEFFterm"]
    expect(readPagefindFile(file('8263efbbbf67efbbbf7465726d'), 'en.pf_index')).toEqual(['\uFEFF', '\uFEFFterm']);
  });

  it('stops at CBOR that would not be rewritten byte for byte, or does not decode, naming the file', () => {
    const file = (hex: string) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(hex, 'hex')]));
    // 1 with a one-byte head, an indefinite-length array, and a map whose keys are not in cborg's order
    for (const hex of ['1801', '9f01ff', 'a2616201616101']) {
      expect(() => readPagefindFile(file(hex), 'x.pf_meta')).toThrow('x.pf_meta does not re-encode to the same bytes: the Pagefind bundle format has changed');
    }
    // bytes after the value, and a text string past the end
    for (const hex of ['0102', '6361']) expect(() => readPagefindFile(file(hex), 'x.pf_meta')).toThrow(/^x\.pf_meta is not CBOR as Pagefind writes it \(.+\): the Pagefind bundle format has changed/);
  });
});
