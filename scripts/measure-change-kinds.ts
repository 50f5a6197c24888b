/**
 * Measures change kinds on an archive repository (ours or an Open Terms Archive versions repo):
 * for every document, how many changes the repository recorded and how many of them are
 * substantive, cosmetic and technical; then ten cosmetic changes picked at random (fixed seed)
 * with the rules that made them cosmetic and the first changed line pair, for a reader to check.
 *
 * Usage: tsx scripts/measure-change-kinds.ts <path to a versions repository> [seed]
 *
 * Reads history with two git processes: one `git log --raw` and one `git cat-file --batch`.
 */
import { spawnSync } from 'node:child_process';
import { diffLines } from 'diff';
import { seededRandom } from '../src/lib/random';
import { classifyChange, differingRegion, type ChangeKind, type ChangeRuleId } from '../src/lib/diff/change-kind';
import { subjectToKind, type RecordKind } from '../src/lib/history/commit-message';

interface RecordedChange {
  path: string;
  commit: string;
  date: string;
  commitKind: RecordKind;
  oldBlob: string;
  newBlob: string;
}

function git(repo: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', ['-C', repo, ...args], { input, maxBuffer: 2 ** 31 - 1 });
  if (result.status !== 0) {
    throw new Error(`git ${args[0]} failed in "${repo}": ${result.stderr.toString().trim()}. Is it a full clone of a versions repository?`);
  }
  return result.stdout;
}

/**
 * `git log --raw` output: a header line `\x01<commit>\t<author date>\t<subject>` per commit, then
 * one raw line per touched file: `:<old mode> <new mode> <old blob> <new blob> <status>\t<path>`.
 */
function readChanges(repo: string): RecordedChange[] {
  const log = git(repo, ['log', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--format=%x01%H%x09%aI%x09%s']).toString('utf8');
  const changes: RecordedChange[] = [];
  let header: { commit: string; date: string; commitKind: RecordKind } | null = null;
  for (const line of log.split('\n')) {
    if (line.startsWith('\x01')) {
      const [commit = '', date = '', subject = ''] = line.slice(1).split('\t');
      header = { commit, date, commitKind: subjectToKind(subject) };
    } else if (line.startsWith(':') && header) {
      const [meta = '', path = ''] = line.split('\t');
      const [, , oldBlob = '', newBlob = '', status = ''] = meta.split(' ');
      // Documents live one directory down (`<Service>/<Type>.md`); top-level files are the repository's own.
      if (status === 'M' && path.includes('/') && path.endsWith('.md')) changes.push({ ...header, path, oldBlob, newBlob });
    }
  }
  return changes;
}

/** `git cat-file --batch` output: `<id> blob <size>\n<content>\n` per requested id. */
function readBlobs(repo: string, ids: string[]): Map<string, string> {
  const out = git(repo, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  const blobs = new Map<string, string>();
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(0x0a, at);
    const [id = '', type = '', size = ''] = out.subarray(at, headerEnd).toString('utf8').split(' ');
    if (type !== 'blob') throw new Error(`Blob ${id} is missing from "${repo}": fetch the full history.`);
    const start = headerEnd + 1;
    blobs.set(id, out.subarray(start, start + Number(size)).toString('utf8'));
    at = start + Number(size) + 1;
  }
  return blobs;
}


/**
 * The first changed lines of a pair (removed, then added, from a line diff of the differing region),
 * quoted so that whitespace shows, cut to a window around the first differing character.
 */
function firstChangedLinePair(before: string, after: string): [string, string] {
  const region = differingRegion(before, after);
  const parts = diffLines(region.before, region.after);
  const first = parts.findIndex((part) => part.added || part.removed);
  const removed = parts[first]?.removed ? parts[first]!.value : '';
  const added = parts[first]?.removed ? (parts[first + 1]?.added ? parts[first + 1]!.value : '') : (parts[first]?.value ?? '');
  const a = removed.split('\n')[0] ?? '';
  const b = added.split('\n')[0] ?? '';
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const from = Math.max(0, at - 90);
  const cut = (line: string) => `${from > 0 ? '…' : ''}${JSON.stringify(line.slice(from, at + 110))}${line.length > at + 110 ? '…' : ''}`;
  return [cut(a), cut(b)];
}

function main(): void {
  const [repo, seedArg = '20260822'] = process.argv.slice(2);
  if (!repo) {
    console.error('Usage: tsx scripts/measure-change-kinds.ts <path to a versions repository> [seed]');
    process.exit(2);
  }
  const changes = readChanges(repo);
  const blobs = readBlobs(repo, [...new Set(changes.flatMap((c) => [c.oldBlob, c.newBlob]))]);

  const counts = new Map<string, Record<ChangeKind | 'recorded', number>>();
  const cosmetic: { change: RecordedChange; rules: ChangeRuleId[] }[] = [];
  const started = performance.now();
  for (const change of changes) {
    const before = blobs.get(change.oldBlob)!;
    const after = blobs.get(change.newBlob)!;
    const { kind, rules } = classifyChange({ commitKind: change.commitKind, before, after });
    const row = counts.get(change.path) ?? { recorded: 0, substantive: 0, cosmetic: 0, technical: 0 };
    row.recorded += 1;
    row[kind] += 1;
    counts.set(change.path, row);
    if (kind === 'cosmetic') cosmetic.push({ change, rules });
  }
  const elapsed = performance.now() - started;

  const total = { recorded: 0, substantive: 0, cosmetic: 0, technical: 0 };
  console.log('| document | recorded | substantive | cosmetic | technical |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [path, row] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`| ${path.replace(/\.md$/, '')} | ${row.recorded} | ${row.substantive} | ${row.cosmetic} | ${row.technical} |`);
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
  }
  console.log(`| **all ${counts.size} documents** | ${total.recorded} | ${total.substantive} | ${total.cosmetic} | ${total.technical} |`);
  console.log(`\nClassified ${changes.length} changes in ${Math.round(elapsed)} ms.`);

  const ruleCounts = new Map<string, number>();
  for (const { rules } of cosmetic) {
    const key = rules.length ? rules.join(' + ') : '(identical text)';
    ruleCounts.set(key, (ruleCounts.get(key) ?? 0) + 1);
  }
  console.log('\nCosmetic changes by explaining rules:');
  for (const [key, count] of [...ruleCounts].sort((a, b) => b[1] - a[1])) console.log(`  ${count}\t${key}`);

  const random = seededRandom(Number(seedArg));
  const pool = [...cosmetic];
  const sample: typeof cosmetic = [];
  while (sample.length < 10 && pool.length) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  console.log(`\nTen cosmetic changes picked at random (seed ${seedArg}):`);
  for (const { change, rules } of sample) {
    const [before, after] = firstChangedLinePair(blobs.get(change.oldBlob)!, blobs.get(change.newBlob)!);
    console.log(`\n${change.path.replace(/\.md$/, '')} @ ${change.date} (${change.commit.slice(0, 10)}): ${rules.join(', ') || 'identical text'}`);
    console.log(`  - ${before}`);
    console.log(`  + ${after}`);
  }
}

main();
