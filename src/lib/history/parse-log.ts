import { LOG_FIELD_SEPARATOR, LOG_RECORD_SEPARATOR } from './git';

/** A file a commit added, modified, changed the type of, or deleted, with its blob ids before and after. */
export interface FileChange {
  status: 'A' | 'M' | 'D' | 'T';
  oldBlob: string;
  newBlob: string;
  path: string;
}

/** One commit of the log with the files it touched. */
export interface LogCommit {
  hash: string;
  parents: string[];
  /** Author date as git prints it with %aI (ISO 8601 with offset). */
  authorDate: string;
  message: string;
  changes: FileChange[];
}

/**
 * Parses the output of `readRawLog`. Each commit is
 *   RS hash US parents US author-date US message US NUL
 * followed by its raw diff entries, each `:<old mode> <new mode> <old blob> <new blob> <status>` NUL
 * `<path>` NUL (with `-z`, paths are never quoted). The first entry may be preceded by a newline.
 * Merge commits carry no entries (git log shows no diff for merges by default).
 */
export function parseRawLog(output: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const record of output.split(LOG_RECORD_SEPARATOR)) {
    if (!record) continue;
    const fields = record.split(LOG_FIELD_SEPARATOR);
    const [hash, parents, authorDate] = fields;
    const message = fields.slice(3, -1).join(LOG_FIELD_SEPARATOR);
    const tokens = fields[fields.length - 1]!.split('\0');
    const changes: FileChange[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!.replace(/^\n/, '');
      if (!token.startsWith(':')) continue;
      const [, , oldBlob, newBlob, status] = token.slice(1).split(' ');
      const path = tokens[++i]!;
      changes.push({ status: status![0] as FileChange['status'], oldBlob: oldBlob!, newBlob: newBlob!, path });
    }
    commits.push({
      hash: hash!,
      parents: parents ? parents.split(' ') : [],
      authorDate: authorDate!,
      message: message.replace(/\n+$/, ''),
      changes,
    });
  }
  return commits;
}
