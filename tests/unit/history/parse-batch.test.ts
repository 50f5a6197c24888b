import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchOutputParser } from '../../../src/lib/history/parse-batch';
import { makeTestRepo, type TestRepo } from '../../helpers/test-repo';

const MISSING = '0123456789012345678901234567890123456789';

let repo: TestRepo;
afterEach(() => repo?.remove());

/** Commits `files`, then asks `git cat-file --batch` for each of them (and `MISSING` after the first): its real output and the answers it holds. */
function batchOutputOf(files: Record<string, string>): { output: Buffer; expected: (Buffer | null)[] } {
  repo = makeTestRepo();
  repo.commit(files, 'Blobs', '2026-01-01T00:00:00Z');
  const paths = Object.keys(files);
  const oids = paths.map((path) => repo.git('rev-parse', `HEAD:${path}`).trim());
  const expected: (Buffer | null)[] = paths.map((path) => readFileSync(join(repo.dir, path)));
  oids.splice(1, 0, MISSING);
  expected.splice(1, 0, null);
  const output = execFileSync('git', ['-C', repo.dir, 'cat-file', '--batch'], { input: `${oids.join('\n')}\n`, maxBuffer: 1 << 26 });
  return { output, expected };
}

/** Feeds `output` to a parser in reads cut at `cuts`, through one read buffer overwritten after every read, as a socket's is. */
function parseInReads(output: Buffer, cuts: number[]): (Buffer | null)[] {
  const answers: (Buffer | null)[] = [];
  const parser = new BatchOutputParser((content) => answers.push(content));
  const readBuffer = Buffer.alloc(output.length);
  const bounds = [0, ...cuts, output.length];
  for (let i = 1; i < bounds.length; i++) {
    const length = output.copy(readBuffer, 0, bounds[i - 1]!, bounds[i]!);
    parser.push(readBuffer.subarray(0, length));
    readBuffer.fill(0xff);
  }
  return answers;
}

const readsOf = (size: number, total: number) => Array.from({ length: Math.ceil(total / size) - 1 }, (_, i) => (i + 1) * size);

describe('BatchOutputParser', () => {
  it('answers each object in order however the output is cut in two', () => {
    const { output, expected } = batchOutputOf({
      'a.md': 'One.\n',
      'empty.md': '',
      'b.md': 'two\nlines\0 with a NUL and a line that ends in missing\n',
      'c.md': 'Ünïcode – “quotes”',
    });
    for (let cut = 0; cut <= output.length; cut++) expect(parseInReads(output, [cut])).toEqual(expected);
  });

  it('answers each object in order from reads of one byte', () => {
    const { output, expected } = batchOutputOf({ 'a.md': 'One.\n', 'empty.md': '', 'c.md': 'Ünïcode' });
    expect(parseInReads(output, readsOf(1, output.length))).toEqual(expected);
  });

  it('joins a content spread over many reads', () => {
    const large = Array.from({ length: 20_000 }, (_, i) => `line ${i} of a long policy\n`).join('');
    const { output, expected } = batchOutputOf({ 'a.md': 'One.\n', 'large.md': large, 'c.md': 'Three.\n' });
    expect(expected[2]!.length).toBeGreaterThan(8 * 65_536);
    expect(parseInReads(output, readsOf(65_536, output.length))).toEqual(expected);
    expect(parseInReads(output, readsOf(4_099, output.length))).toEqual(expected);
  });

  it('answers a content that ends exactly where a read ends, and one whose newline after it does', () => {
    // A header for a 5-digit size is 40 + " blob " + 5 + "\n" = 52 bytes.
    for (const size of [65_536 - 52, 65_536 - 53]) {
      const { output, expected } = batchOutputOf({ 'a.md': 'x'.repeat(size), 'b.md': 'Two.\n' });
      expect(output.indexOf(0x0a)).toBe(51);
      expect(parseInReads(output, readsOf(65_536, output.length))).toEqual(expected);
      repo.remove();
    }
  });
});
