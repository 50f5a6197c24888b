import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobReader } from '../../../src/lib/history/git';
import { readHistory } from '../../../src/lib/history/read-history';
import { makeTestRepo, type TestRepo } from '../../helpers/test-repo';

const doc = (body: string, type = 'Privacy Policy') =>
  `---\nplatform: "Acme"\ntype: "${type}"\nsources:\n  - "https://acme.example/privacy"\n---\n\n${body}\n`;
const PRIVACY = 'content/platforms/acme/privacy-policy.md';
const TERMS = 'content/platforms/acme/terms-of-service.md';

let repo: TestRepo;
afterEach(() => repo?.remove());

describe('readHistory on our layout', () => {
  it('lists every version of a document in commit order with UTC stamps', async () => {
    repo = makeTestRepo();
    const first = repo.commit({ [PRIVACY]: doc('One.') }, 'First record of Acme Privacy Policy', '2026-01-02T03:04:05+02:00');
    const second = repo.commit(
      { [PRIVACY]: doc('Two.') },
      'Record changes of Acme Privacy Policy\n\nSource: https://acme.example/privacy\nFetcher: html',
      '2026-02-01T00:00:00Z',
    );
    const history = await readHistory(repo.dir);
    expect(history.layout).toBe('fineprint');
    expect(history.documents).toHaveLength(1);
    const [document] = history.documents;
    expect(document!.platform).toBe('acme');
    expect(document!.document).toBe('privacy-policy');
    expect(document!.versions.map((v) => [v.stamp, v.commit, v.recordKind])).toEqual([
      ['20260102010405', first, 'first'],
      ['20260201000000', second, 'change'],
    ]);
    expect(document!.versions[1]!.sources).toEqual(['https://acme.example/privacy']);
  });

  it('reads each blob byte for byte through one cat-file process', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('Ünïcode – “quotes”') }, 'First record of Acme Privacy Policy', '2026-01-01T00:00:00Z');
    const [document] = (await readHistory(repo.dir)).documents;
    const reader = new BlobReader(repo.dir);
    const texts = await Promise.all([reader.readText(document!.versions[0]!.blob), reader.readText(document!.versions[0]!.blob)]);
    reader.close();
    expect(texts[0]).toBe(doc('Ünïcode – “quotes”'));
    expect(texts[1]).toBe(texts[0]);
  });

  it('gives versions recorded in the same second distinct stamps in commit order', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('One.') }, 'First record of Acme Privacy Policy', '2026-03-01T12:00:00Z');
    repo.commit({ [PRIVACY]: doc('Two.') }, 'Record changes of Acme Privacy Policy', '2026-03-01T12:00:00Z');
    repo.commit({ [PRIVACY]: doc('Three.') }, 'Record changes of Acme Privacy Policy', '2026-03-01T12:00:00Z');
    const [document] = (await readHistory(repo.dir)).documents;
    expect(document!.versions.map((v) => v.stamp)).toEqual(['20260301120000', '20260301120000-2', '20260301120000-3']);
  });

  it('records one version per document for a commit touching several documents', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('P.'), [TERMS]: doc('T.', 'Terms of Service') }, 'Import', '2026-01-01T00:00:00Z');
    const documents = (await readHistory(repo.dir)).documents;
    expect(documents.map((d) => [d.document, d.versions.length])).toEqual([
      ['privacy-policy', 1],
      ['terms-of-service', 1],
    ]);
  });

  it('keeps a deleted document with its versions and clears the removal when it is added again', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('One.'), [TERMS]: doc('T.', 'Terms of Service') }, 'First record', '2026-01-01T00:00:00Z');
    repo.commit({ [PRIVACY]: null }, 'Stop tracking Acme Privacy Policy', '2026-02-01T00:00:00Z');
    let documents = (await readHistory(repo.dir)).documents;
    expect(documents.find((d) => d.document === 'privacy-policy')!.removedAt).toEqual(new Date('2026-02-01T00:00:00Z'));
    repo.commit({ [PRIVACY]: doc('One.') }, 'Record changes of Acme Privacy Policy', '2026-03-01T00:00:00Z');
    documents = (await readHistory(repo.dir)).documents;
    const privacy = documents.find((d) => d.document === 'privacy-policy')!;
    expect(privacy.removedAt).toBeNull();
    expect(privacy.versions.map((v) => v.stamp)).toEqual(['20260101000000', '20260301000000']);
    expect(privacy.versions[1]!.blob).toBe(privacy.versions[0]!.blob);
  });

  it('lets a renamed document continue the versions of the old one, which stays published', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('One.') }, 'First record of Acme Privacy Policy', '2026-01-01T00:00:00Z');
    repo.git('mv', PRIVACY, 'content/platforms/acme/business-privacy-policy.md');
    repo.commit({}, 'Rename', '2026-02-01T00:00:00Z');
    repo.commit({ 'content/platforms/acme/business-privacy-policy.md': doc('Two.') }, 'Record changes', '2026-03-01T00:00:00Z');
    const documents = (await readHistory(repo.dir)).documents;
    const old = documents.find((d) => d.document === 'privacy-policy')!;
    const renamed = documents.find((d) => d.document === 'business-privacy-policy')!;
    expect(old.renamedTo).toBe('business-privacy-policy');
    expect(old.versions.map((v) => v.stamp)).toEqual(['20260101000000']);
    expect(renamed.renamedFrom).toBe('privacy-policy');
    expect(renamed.versions.map((v) => v.stamp)).toEqual(['20260101000000', '20260301000000']);
  });

  it('counts a change made on a merged branch once, at its own commit', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('One.') }, 'First record', '2026-01-01T00:00:00Z');
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.commit({ [PRIVACY]: doc('Two.') }, 'Record changes', '2026-01-02T00:00:00Z');
    repo.git('checkout', '-q', 'main');
    repo.commit({ [TERMS]: doc('T.', 'Terms of Service') }, 'First record', '2026-01-03T00:00:00Z');
    repo.git('-c', 'user.name=T', 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side');
    const privacy = (await readHistory(repo.dir)).documents.find((d) => d.document === 'privacy-policy')!;
    expect(privacy.versions.map((v) => v.commit)).toEqual([privacy.versions[0]!.commit, side]);
  });

  it('stops on a shallow clone with the fix in the message', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('One.') }, 'First record', '2026-01-01T00:00:00Z');
    repo.commit({ [PRIVACY]: doc('Two.') }, 'Record changes', '2026-01-02T00:00:00Z');
    const shallow = makeTestRepo('fineprint-shallow-');
    shallow.remove();
    repo.git('clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow.dir);
    try {
      await expect(readHistory(shallow.dir)).rejects.toThrow(/shallow clone.*fetch-depth: 0/);
    } finally {
      shallow.remove();
    }
  });

  it('stops when the archive is not a git repository', async () => {
    await expect(readHistory('/nonexistent/archive')).rejects.toThrow(
      '"/nonexistent/archive" is not a git repository. Set FINEPRINT_ARCHIVE',
    );
  });

  it('stops when the archive has no commits yet', async () => {
    repo = makeTestRepo();
    await expect(readHistory(repo.dir)).rejects.toThrow(`"${repo.dir}" has no commits yet: there is no history to publish.`);
  });
});

describe('readHistory on an Open Terms Archive versions repository', () => {
  it('reads <Service>/<Type>.md, ignores template commits and keeps the kind of each subject', async () => {
    repo = makeTestRepo();
    repo.commit({ 'README.md': 'x', 'Old/Terms of Service.md': 'template' }, 'Initial commit', '2025-11-11T10:00:00Z');
    repo.commit({ 'Old/Terms of Service.md': null }, 'Adapt template automatically', '2025-11-11T10:01:00Z');
    repo.commit({ 'Claude.ai/Privacy Policy.md': 'A' }, 'First record of Claude.ai Privacy Policy', '2025-11-12T00:00:00Z');
    repo.commit({ 'Claude.ai/Privacy Policy.md': 'B' }, 'Apply technical or declaration upgrade on Claude.ai Privacy Policy', '2025-11-13T00:00:00Z');
    repo.commit({ 'Claude.ai/Privacy Policy.md': 'C' }, 'Record new changes of Claude.ai Privacy Policy', '2025-11-14T00:00:00Z');
    const history = await readHistory(repo.dir);
    expect(history.layout).toBe('ota');
    expect(history.documents.map((d) => [d.platform, d.document, d.platformName, d.title])).toEqual([
      ['claude-ai', 'privacy-policy', 'Claude.ai', 'Privacy Policy'],
    ]);
    expect(history.documents[0]!.versions.map((v) => v.recordKind)).toEqual(['first', 'technical', 'change']);
  });
});

describe('BlobReader', () => {
  it('answers reads made just before it is closed', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('One.') }, 'First record', '2026-01-01T00:00:00Z');
    const [document] = (await readHistory(repo.dir)).documents;
    const reader = new BlobReader(repo.dir);
    const read = reader.readText(document!.versions[0]!.blob);
    reader.close();
    expect(await read).toBe(doc('One.'));
  });

  it('rejects a read of a blob the repository does not have, and goes on answering', async () => {
    repo = makeTestRepo();
    repo.commit({ [PRIVACY]: doc('One.') }, 'First record', '2026-01-01T00:00:00Z');
    const [document] = (await readHistory(repo.dir)).documents;
    const reader = new BlobReader(repo.dir);
    const missing = reader.read('0123456789012345678901234567890123456789');
    const present = reader.readText(document!.versions[0]!.blob);
    await expect(missing).rejects.toThrow('Blob 0123456789012345678901234567890123456789 is missing from the repository.');
    expect(await present).toBe(doc('One.'));
    reader.close();
  });

  /** Commits `files` and returns each file's blob id and exact bytes. */
  function commitBlobs(files: Record<string, string>): { oid: string; bytes: Buffer }[] {
    repo = makeTestRepo();
    repo.commit(files, 'Blobs', '2026-01-01T00:00:00Z');
    return Object.keys(files).map((path) => ({ oid: repo.git('rev-parse', `HEAD:${path}`).trim(), bytes: readFileSync(join(repo.dir, path)) }));
  }

  it('reads a blob many times larger than one read of the output, byte for byte, between two small ones', async () => {
    const large = Array.from({ length: 200_000 }, (_, i) => `${i}\0 “${(i * 7919) % 1000}”\n`).join('');
    const blobs = commitBlobs({ 'a.md': 'One.\n', 'large.md': large, 'c.md': 'Three.\n' });
    expect(blobs[1]!.bytes.length).toBeGreaterThan(3 * 2 ** 20);
    const reader = new BlobReader(repo.dir);
    const contents = await Promise.all(blobs.map(({ oid }) => reader.read(oid)));
    reader.close();
    // Buffer#equals: a deep comparison of megabytes byte by byte as objects takes seconds.
    expect(contents.map((content, i) => content.equals(blobs[i]!.bytes))).toEqual([true, true, true]);
  });

  it('answers blobs whose answers end just before, at and just after 64 KiB, and an empty one', async () => {
    // The header of a 5-digit size is 52 bytes: these answers end 2 bytes before, at, and 1 and 2 bytes after 65,536.
    const sizes = [65_482, 65_483, 65_484, 65_485, 0, 65_536];
    const blobs = commitBlobs(Object.fromEntries(sizes.map((size, i) => [`${i}.md`, String.fromCharCode(97 + i).repeat(size)])));
    const reader = new BlobReader(repo.dir);
    const contents = await Promise.all(blobs.map(({ oid }) => reader.read(oid)));
    reader.close();
    expect(contents.map((content) => content.length)).toEqual(sizes);
    expect(contents).toEqual(blobs.map(({ bytes }) => bytes));
  });

  it('rejects a missing blob between two present ones and answers both of those', async () => {
    const [first, second] = commitBlobs({ 'a.md': 'One.\n', 'b.md': 'Two.\n' });
    const reader = new BlobReader(repo.dir);
    const reads = [reader.readText(first!.oid), reader.readText('0123456789012345678901234567890123456789'), reader.readText(second!.oid)];
    reader.close();
    const settled = await Promise.allSettled(reads);
    expect(settled.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([
      'One.\n',
      'Blob 0123456789012345678901234567890123456789 is missing from the repository.',
      'Two.\n',
    ]);
  });

  it('answers thousands of reads queued at once in the order they were asked', async () => {
    const blobs = commitBlobs({ 'a.md': 'One.\n', 'b.md': 'Two.\n', 'c.md': 'Three.\n' });
    const reader = new BlobReader(repo.dir);
    const texts = await Promise.all(Array.from({ length: 5_000 }, (_, i) => reader.readText(blobs[i % 3]!.oid)));
    reader.close();
    expect(texts).toEqual(Array.from({ length: 5_000 }, (_, i) => ['One.\n', 'Two.\n', 'Three.\n'][i % 3]));
  });

  it('answers reads made in several ticks, some before git has started', async () => {
    const [first, second] = commitBlobs({ 'a.md': 'One.\n', 'b.md': 'Two.\n' });
    const reader = new BlobReader(repo.dir);
    const early = reader.readText(first!.oid);
    expect(await early).toBe('One.\n');
    expect(await reader.readText(second!.oid)).toBe('Two.\n');
    expect(await reader.readText(first!.oid)).toBe('One.\n');
    reader.close();
    await expect(reader.read(first!.oid)).rejects.toThrow('The blob reader is closed.');
  });

  it('rejects pending reads when git cat-file stops, here because the repository does not exist', async () => {
    repo = makeTestRepo();
    const reader = new BlobReader(join(repo.dir, 'no-such-repository'));
    await expect(reader.read('0123456789012345678901234567890123456789')).rejects.toThrow('git cat-file exited (code 128) with reads pending.');
  });
});
