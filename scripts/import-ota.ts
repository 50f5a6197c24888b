/**
 * npm run import -- <Open Terms Archive versions repository or .bundle> [--declarations <dir>] [--into <repo>]
 * Replays the source's history into content/platforms/ of this repository, one commit per version.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PLATFORMS_DIR } from '../src/consts';
import { BlobReader, cloneBare, fastImport, isWorkTreeClean, readBranch, readTrailerValues } from '../src/lib/history/git';
import { IMPORTED_FROM, importStream, planImport, repositoryName } from '../src/lib/history/import-ota';
import { readOtaDeclarations } from '../src/lib/history/ota-declarations';
import { readHistory } from '../src/lib/history/read-history';
import { FineprintError } from '../src/lib/errors';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { declarations: { type: 'string' }, into: { type: 'string', default: '.' } },
  });
  const [source] = positionals;
  if (!source) {
    console.error('Usage: npm run import -- <versions repository or .bundle> [--declarations <dir>] [--into <repo>]');
    return 2;
  }
  const into = resolve(values.into!);
  if (!(await isWorkTreeClean(into, PLATFORMS_DIR))) {
    console.error(`${into} has uncommitted changes under ${PLATFORMS_DIR}: commit or stash them before importing.`);
    return 1;
  }
  let sourceRepo = resolve(source);
  let tempDir: string | null = null;
  if ((await stat(sourceRepo)).isFile()) {
    tempDir = await mkdtemp(join(tmpdir(), 'fineprint-import-'));
    sourceRepo = join(tempDir, 'source.git');
    await cloneBare(resolve(source), sourceRepo);
  }
  try {
    const history = await readHistory(sourceRepo);
    if (history.layout !== 'ota') {
      console.error(`${source} is not an Open Terms Archive versions repository (it has ${PLATFORMS_DIR}/).`);
      return 1;
    }
    const declarations = values.declarations ? await readOtaDeclarations(resolve(values.declarations)) : null;
    const sourceName = repositoryName(source);
    const already = new Set(await readTrailerValues(into, IMPORTED_FROM));
    const steps = planImport(history.documents, sourceName, already, declarations);
    if (!steps.length) {
      console.log(`Nothing to import: every version of ${sourceName} is already recorded.`);
      return 0;
    }
    const branch = await readBranch(into);
    const blobs = new BlobReader(sourceRepo);
    try {
      const tip = await fastImport(into, importStream(steps, blobs, branch.ref, branch.tip), branch.tip);
      const documents = new Set(steps.map((step) => step.path)).size;
      console.log(`Imported ${steps.length} versions of ${documents} documents from ${sourceName}; ${branch.ref} is now at ${tip.slice(0, 12)}.`);
    } finally {
      blobs.close();
    }
    return 0;
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof FineprintError ? error.message : error);
    process.exit(1);
  },
);
