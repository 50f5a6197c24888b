import { BlobReader, drainBlobs, readRawLog } from '../history/git';
import { layoutPathspec } from '../history/history';
import { detectLayout, readHistory } from '../history/read-history';

/** The history reader against the git floor on one repository. */
export interface HistoryReadFigures {
  documents: number;
  versions: number;
  bytes: number;
  readerMs: number;
  floorMs: number;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function readWithReader(repo: string) {
  const history = await readHistory(repo);
  const blobs = new BlobReader(repo);
  const sizes = await Promise.all(history.documents.flatMap((d) => d.versions.map(async (v) => (await blobs.read(v.blob)).length)));
  blobs.close();
  return { history, bytes: sizes.reduce((a, b) => a + b, 0) };
}

async function readFloor(repo: string, oids: string[]) {
  await readRawLog(repo, layoutPathspec(await detectLayout(repo)));
  return drainBlobs(repo, oids);
}

/**
 * Times the history reader (one git log pass, every version's text read through one cat-file process)
 * against the floor: the same `git log --raw` and one `git cat-file --batch` of the same blobs. The two
 * alternate and each keeps its best of `rounds`, so neither profits from a warmer cache.
 */
export async function measureHistoryRead(repo: string, rounds = 3): Promise<HistoryReadFigures> {
  const [{ history, bytes }] = await timed(() => readWithReader(repo));
  const oids = history.documents.flatMap((d) => d.versions.map((v) => v.blob));
  let readerMs = Infinity;
  let floorMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    floorMs = Math.min(floorMs, (await timed(() => readFloor(repo, oids)))[1]);
    readerMs = Math.min(readerMs, (await timed(() => readWithReader(repo)))[1]);
  }
  return { documents: history.documents.length, versions: oids.length, bytes, readerMs, floorMs };
}
