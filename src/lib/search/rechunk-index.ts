import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode as decodeCbor, encode as encodeCbor, Tokenizer, Type, type Token } from 'cborg';

/**
 * Pagefind splits its word index into chunks of about 20,000 word locations, a size fixed in its source
 * with no option to change it. A search fetches the chunk of each of its words: on this archive a chunk
 * is 25–38 kB, so a four-word query fetched over 100 kB of index. This rewrites the chunks of a written
 * bundle at a smaller size; the words, pages and locations stay exactly as Pagefind wrote them.
 *
 * Pagefind's bundle, as read here (Pagefind 1.6; checked on every run, see `readPagefindFile`):
 * - `pagefind-entry.json`: `{ version, languages: { <lang>: { hash, wasm, page_count } } }`
 * - `pagefind.<hash>.pf_meta`: CBOR `[version, pages, chunks, filters, sorts, meta fields]`, where each
 *   chunk is `[from, to, hash]` and a search loads the first chunk with `from <= word <= to`
 * - `index/<hash>.pf_index`: CBOR `[words]`, each word `[word, pages]`, each page `[page number, locations]`
 *   (locations are word positions, with a negative marker before a change of weight)
 * Each file is gzip of the 12-byte signature `pagefind_dcd` followed by the CBOR.
 *
 * The CBOR is read and written with cborg at its defaults. Pagefind's encoder (minicbor) writes its
 * records as arrays of text strings and integers, all of definite length with the shortest heads, and
 * no maps, floats or byte strings: cborg's default encoding of the decoded value is the same bytes.
 * (cborg would write a map's keys in its own sorted order, not the file's; that and any other
 * difference is caught by the re-encoding check in `readPagefindFile`.)
 */

/**
 * Word locations per chunk. Measured on the shipped archive (npm run bench:search): at 2,000 the chunks
 * of "train on your conversations" are 21 kB instead of 109 kB at Pagefind's 20,000; halving it again
 * saves 4 kB on that query and adds 1 kB of chunk list to the metadata every search loads.
 */
export const WORD_INDEX_CHUNK_LOCATIONS = 2000;

const SIGNATURE = 'pagefind_dcd';
// Positions in the metadata array and in a chunk's entry, as Pagefind writes them.
const META_VERSION = 0;
const META_CHUNKS = 2;

/** One word of the index with the pages it is on: `[word, [[page, locations]…]]`. */
export type IndexedWord = [string, [number, number[]][]];

/** A chunk's entry in the metadata: the words it holds run from `from` to `to` (prefixes). */
export interface ChunkBounds {
  from: string;
  to: string;
}

/** What rechunking did to one language's index; `skipped` says why Pagefind's own chunks were kept. */
export interface RechunkFigures {
  language: string;
  chunksBefore: number;
  chunksAfter: number;
  skipped?: string;
}

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * cborg's tokenizer, but a text string that starts with a byte order mark keeps it: cborg decodes text
 * with a TextDecoder, which drops one, and tracked pages have words that start with U+FEFF.
 */
class MarkKeepingTokenizer extends Tokenizer {
  next(): Token {
    const token = super.next();
    if (token.type === Type.string && BYTE_ORDER_MARK.every((byte, i) => token.byteValue?.[i] === byte)) token.value = `\uFEFF${token.value}`;
    return token;
  }
}

function decodePagefindCbor(body: Uint8Array): unknown {
  const options = { retainStringBytes: true };
  return decodeCbor(body, { ...options, tokenizer: new MarkKeepingTokenizer(body, options) });
}

/** Gzip of the signature and CBOR bytes: a Pagefind file. */
function writePagefindFile(value: unknown): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encodeCbor(value)]), { level: 9 });
}

/** Reads a Pagefind file back, and checks that re-encoding gives the same bytes, so nothing is lost in rewriting it. */
export function readPagefindFile(file: Uint8Array, name: string): unknown {
  const bytes = gunzipSync(file);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
    throw new Error(`${name} does not start with Pagefind's signature "${SIGNATURE}": the Pagefind bundle format has changed; update src/lib/search/rechunk-index.ts.`);
  }
  const body = bytes.subarray(SIGNATURE.length);
  let value: unknown;
  try {
    value = decodePagefindCbor(body);
  } catch (error) {
    throw new Error(`${name} is not CBOR as Pagefind writes it (${(error as Error).message}): the Pagefind bundle format has changed; update src/lib/search/rechunk-index.ts.`, { cause: error });
  }
  if (Buffer.compare(Buffer.from(encodeCbor(value)), body) !== 0) {
    throw new Error(`${name} does not re-encode to the same bytes: the Pagefind bundle format has changed; update src/lib/search/rechunk-index.ts.`);
  }
  return value;
}

/** How many locations a word adds to a chunk, counted as Pagefind counts them: its locations plus one per page. */
const locationsOf = ([, pages]: IndexedWord) => pages.reduce((sum, [, locations]) => sum + locations.length + 1, 0);

/** Splits words (in index order) into chunks that each close once they hold `locations` locations or more, as Pagefind does. */
export function splitWordIndex(words: readonly IndexedWord[], locations: number): IndexedWord[][] {
  const chunks: IndexedWord[][] = [];
  let chunk: IndexedWord[] = [];
  let size = 0;
  for (const word of words) {
    chunk.push(word);
    size += locationsOf(word);
    if (size >= locations) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * The bounds Pagefind records for consecutive chunks: the first word of the first chunk and the last of
 * the last, and between two chunks the shortest prefixes (by character) that tell the last word of one
 * from the first word of the next.
 */
export function chunkBounds(chunks: readonly IndexedWord[][]): ChunkBounds[] {
  const bounds = chunks.map((chunk) => ({ from: chunk[0]![0], to: chunk.at(-1)![0] }));
  for (let i = 0; i + 1 < bounds.length; i++) {
    const last = Array.from(bounds[i]!.to);
    const next = Array.from(bounds[i + 1]!.from);
    let common = 0;
    while (common < last.length && common < next.length && last[common] === next[common]) common++;
    bounds[i]!.to = last.slice(0, common + 1).join('');
    bounds[i + 1]!.from = next.slice(0, common + 1).join('');
  }
  return bounds;
}

/** A file name for content: the language, then the start of the content's SHA-256, longer when it would clash. */
function contentName(language: string, bytes: Uint8Array, length: number, taken: Set<string>): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  let name = `${language}_${hash.slice(0, length)}`;
  for (let extra = 1; taken.has(name); extra++) name = `${language}_${hash.slice(0, length + extra)}`;
  taken.add(name);
  return name;
}

function isChunkEntry(entry: unknown): entry is [string, string, string] {
  return Array.isArray(entry) && entry.length === 3 && entry.every((part) => typeof part === 'string');
}

function isIndexedWord(word: unknown): word is IndexedWord {
  return (
    Array.isArray(word) &&
    typeof word[0] === 'string' &&
    Array.isArray(word[1]) &&
    word[1].every((page) => Array.isArray(page) && typeof page[0] === 'number' && Array.isArray(page[1]))
  );
}

/** The metadata and every word of one language's index, checked to be exactly as this module reads them. */
async function readWordIndex(bundle: string, metaName: string, version: string) {
  const meta = readPagefindFile(await readFile(join(bundle, metaName)), metaName);
  if (!Array.isArray(meta) || meta[META_VERSION] !== version || !Array.isArray(meta[META_CHUNKS]) || !meta[META_CHUNKS].every(isChunkEntry)) {
    throw new Error(`${metaName} is not the metadata of a Pagefind ${version} index as expected: update src/lib/search/rechunk-index.ts.`);
  }
  const oldChunks = (meta[META_CHUNKS] as [string, string, string][]).map(([, , hash]) => hash);
  const words: IndexedWord[] = [];
  for (const hash of oldChunks) {
    const name = `index/${hash}.pf_index`;
    const chunk = readPagefindFile(await readFile(join(bundle, name)), name);
    if (!Array.isArray(chunk) || chunk.length !== 1 || !Array.isArray(chunk[0]) || !chunk[0].every(isIndexedWord)) {
      throw new Error(`${name} is not a Pagefind word index chunk as expected: update src/lib/search/rechunk-index.ts.`);
    }
    words.push(...(chunk[0] as IndexedWord[]));
  }
  return { meta, oldChunks, words };
}

/**
 * Rewrites the word index of every language of the Pagefind bundle in `bundle` (e.g. `dist/pagefind`)
 * in chunks of about `locations` word locations, with new metadata and entry file. The old chunk and
 * metadata files are removed once the new ones are written. A language whose files are not exactly as
 * expected is left as Pagefind wrote it, with the reason in its figures: a search that fetches larger
 * chunks still finds everything, a rewrite of a misread index would not.
 */
export async function rechunkWordIndex(bundle: string, locations = WORD_INDEX_CHUNK_LOCATIONS): Promise<RechunkFigures[]> {
  const entryPath = join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryPath, 'utf8')) as { version: string; languages: Record<string, { hash: string }> };
  const figures: RechunkFigures[] = [];
  for (const [language, index] of Object.entries(entry.languages)) {
    const metaName = `pagefind.${index.hash}.pf_meta`;
    let read: Awaited<ReturnType<typeof readWordIndex>>;
    try {
      read = await readWordIndex(bundle, metaName, entry.version);
    } catch (error) {
      figures.push({ language, chunksBefore: 0, chunksAfter: 0, skipped: (error as Error).message });
      continue;
    }
    const { meta, oldChunks, words } = read;

    const chunks = splitWordIndex(words, locations);
    const bounds = chunkBounds(chunks);
    const taken = new Set<string>();
    const entries: [string, string, string][] = [];
    for (const [i, chunk] of chunks.entries()) {
      const file = writePagefindFile([chunk]);
      const hash = contentName(language, encodeCbor([chunk]), 7, taken);
      await writeFile(join(bundle, 'index', `${hash}.pf_index`), file);
      entries.push([bounds[i]!.from, bounds[i]!.to, hash]);
    }
    meta[META_CHUNKS] = entries;
    const metaHash = contentName(language, encodeCbor(meta), language.length + 8, new Set());
    await writeFile(join(bundle, `pagefind.${metaHash}.pf_meta`), writePagefindFile(meta));
    index.hash = metaHash;
    await writeFile(entryPath, JSON.stringify(entry));

    for (const hash of oldChunks.filter((hash) => !taken.has(hash))) await rm(join(bundle, 'index', `${hash}.pf_index`));
    if (metaName !== `pagefind.${metaHash}.pf_meta`) await rm(join(bundle, metaName));
    figures.push({ language, chunksBefore: oldChunks.length, chunksAfter: chunks.length });
  }
  return figures;
}
