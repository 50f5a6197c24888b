import { BlobReader, drainBlobs, readRawLog } from '../history/git';
import { layoutPathspec } from '../history/history';
import { detectLayout, readHistory } from '../history/read-history';

type ReadPattern = 'all at once' | 'per document';

/** The history reader against the git floor on one repository. */
export interface HistoryReadFigures {
  documents: number;
  versions: number;
  bytes: number;
  /** Best round of the reader with every version's text queued at once. */
  readerMs: number;
  /** Best round of the reader reading one document's versions at a time, as the site indexes an archive. */
  readerPerDocumentMs: number;
  floorMs: number;
  /** Every round's time of each, in the order run. */
  rounds: { reader: number[]; readerPerDocument: number[]; floor: number[] };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function readWithReader(repo: string, pattern: ReadPattern) {
  const history = await readHistory(repo);
  const blobs = new BlobReader(repo);
  const readVersions = (versions: { blob: string }[]) => Promise.all(versions.map(async (v) => (await blobs.read(v.blob)).length));
  let sizes: number[];
  if (pattern === 'all at once') {
    sizes = await readVersions(history.documents.flatMap((d) => d.versions));
  } else {
    // As the site indexes an archive: one document after another, its versions queued at once.
    sizes = [];
    for (const document of history.documents) sizes.push(...(await readVersions(document.versions)));
  }
  blobs.close();
  return { history, bytes: sizes.reduce((a, b) => a + b, 0) };
}

async function readFloor(repo: string, oids: string[]) {
  await readRawLog(repo, layoutPathspec(await detectLayout(repo)));
  return drainBlobs(repo, oids);
}

/**
 * Times the history reader (one git log pass, every version's text read through one cat-file process,
 * all at once and one document at a time) against the floor: the same `git log --raw` and one
 * `git cat-file --batch` of the same blobs. After one untimed read, the three run `rounds` times, in an
 * order that rotates each round, so none of them always follows the same one.
 */
export async function measureHistoryRead(repo: string, rounds = 3): Promise<HistoryReadFigures> {
  const { history, bytes } = await readWithReader(repo, 'all at once');
  const oids = history.documents.flatMap((d) => d.versions.map((v) => v.blob));
  const times: HistoryReadFigures['rounds'] = { reader: [], readerPerDocument: [], floor: [] };
  const runs = [
    async () => times.floor.push(await timed(() => readFloor(repo, oids))),
    async () => times.reader.push(await timed(() => readWithReader(repo, 'all at once'))),
    async () => times.readerPerDocument.push(await timed(() => readWithReader(repo, 'per document'))),
  ];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < runs.length; i++) await runs[(round + i) % runs.length]!();
  }
  return {
    documents: history.documents.length,
    versions: oids.length,
    bytes,
    readerMs: Math.min(...times.reader),
    readerPerDocumentMs: Math.min(...times.readerPerDocument),
    floorMs: Math.min(...times.floor),
    rounds: times,
  };
}
