import { assertFullRepository, listTipFiles, readRawLog } from './git';
import { commitsToHistories, layoutPathspec, type ArchiveLayout, type DocumentHistory } from './history';
import { parseRawLog } from './parse-log';
import { PLATFORMS_DIR } from '../../consts';

/** The document histories of an archive repository and the layout they were read in. */
export interface ArchiveHistory {
  repo: string;
  layout: ArchiveLayout;
  documents: DocumentHistory[];
}

/** Our layout when the tip has content/platforms/, else an Open Terms Archive versions repository. */
export async function detectLayout(repo: string): Promise<ArchiveLayout> {
  const files = await listTipFiles(repo, PLATFORMS_DIR);
  return files.length > 0 ? 'fineprint' : 'ota';
}

/** Reads the whole history of an archive in one `git log` pass. */
export async function readHistory(repo: string): Promise<ArchiveHistory> {
  await assertFullRepository(repo);
  const layout = await detectLayout(repo);
  const commits = parseRawLog(await readRawLog(repo, layoutPathspec(layout)));
  return { repo, layout, documents: commitsToHistories(commits, layout) };
}
