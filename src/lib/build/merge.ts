import { lstat, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { FineprintError } from '../errors';

/** What a merge of build outputs moved. */
export interface MergeFigures {
  /** Files and folders moved whole from the later outputs. */
  moved: number;
  /** Files that more than one output held, byte-identical in each. */
  shared: number;
}

async function kindOf(path: string): Promise<'file' | 'folder' | null> {
  try {
    return (await lstat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return null;
  }
}

async function mergeInto(source: string, target: string, root: string, figures: MergeFigures): Promise<void> {
  for (const entry of await readdir(source)) {
    const from = join(source, entry);
    const to = join(target, entry);
    const [fromKind, toKind] = await Promise.all([kindOf(from), kindOf(to)]);
    if (toKind === null) {
      await rename(from, to);
      figures.moved += 1;
    } else if (fromKind === 'folder' && toKind === 'folder') {
      await mergeInto(from, to, root, figures);
    } else if (fromKind === 'file' && toKind === 'file' && (await readFile(from)).equals(await readFile(to))) {
      figures.shared += 1;
    } else {
      throw new FineprintError(
        `Two builds of the site wrote different ${fromKind === toKind ? 'contents' : 'kinds of entry'} at "${relative(root, to)}". Pages rendered by every build must be identical: rebuild with FINEPRINT_BUILD_SHARDS=1 and compare.`,
      );
    }
  }
}

/**
 * Moves several build outputs into `outDir` (replaced): the first output becomes it, and each later
 * one is moved in, whole folders at a time where the first has none. A file that several outputs
 * hold must be byte-identical in each; a difference stops the merge, naming the file.
 */
export async function mergeBuildOutputs(outputs: readonly string[], outDir: string): Promise<MergeFigures> {
  const [first, ...rest] = outputs;
  if (!first) throw new FineprintError('No build output to merge.');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(dirname(outDir), { recursive: true });
  await rename(first, outDir);
  const figures: MergeFigures = { moved: 0, shared: 0 };
  for (const output of rest) {
    await mergeInto(output, outDir, outDir, figures);
    await rm(output, { recursive: true, force: true });
  }
  return figures;
}
