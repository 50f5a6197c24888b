import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDerivedCache } from '../../../src/lib/archive/derived-cache';
import { indexArchive, provisionTextId } from '../../../src/lib/archive/index-archive';
import { createDiskCache } from '../../../src/lib/cache/disk-cache';
import type { DocumentHistory } from '../../../src/lib/history/history';
import type { ArchiveHistory } from '../../../src/lib/history/read-history';

const GOOD = '---\nplatform: "Acme"\ntype: "Privacy Policy"\nsources:\n  - "https://acme.example/privacy"\n---\n\nText.\n';

function history(platform: string, document: string, blobs: string[], removedAt: Date | null = null): ArchiveHistory {
  const entry: DocumentHistory = {
    platform,
    document,
    path: `content/platforms/${platform}/${document}.md`,
    platformName: platform,
    title: document,
    removedAt,
    renamedFrom: null,
    renamedTo: null,
    versions: blobs.map((blob, i) => ({
      sequence: i,
      path: `content/platforms/${platform}/${document}.md`,
      stamp: `2026010${i + 1}000000`,
      capturedAt: new Date(`2026-01-0${i + 1}T00:00:00Z`),
      commit: `c${i}`,
      blob,
      recordKind: i === 0 ? 'first' : 'change',
      sources: [],
    })),
  };
  return { repo: '/repo', layout: 'fineprint', documents: [entry] };
}

const read = (texts: Record<string, string>) => async (blob: string) => texts[blob]!;

describe('indexArchive', () => {
  it('takes names, type and sources from the front matter and hashes the recorded bytes', async () => {
    const index = await indexArchive(history('acme', 'privacy-policy', ['a']), read({ a: GOOD }));
    const [document] = index.documents;
    expect(document!.platformName).toBe('Acme');
    expect(document!.title).toBe('Privacy Policy');
    expect(document!.sources).toEqual(['https://acme.example/privacy']);
    expect(document!.latest.sha256).toBe('a9b87400fed55886fb6b21667ff5bf35d24d74e0fb62586356b48d5546a2e53f');
    expect(document!.latest.bodyStartLine).toBe(7);
    expect(index.platforms.map((p) => [p.id, p.name, p.documents.length])).toEqual([['acme', 'Acme', 1]]);
  });

  it('stops on malformed front matter in the latest version, naming the file and version', async () => {
    await expect(
      indexArchive(history('acme', 'privacy-policy', ['a', 'b']), read({ a: GOOD, b: '---\nplatform: [unclosed\n---\n\nText.\n' })),
    ).rejects.toThrow(/^Malformed front matter in content\/platforms\/acme\/privacy-policy\.md \(version 20260102000000, commit c1\)/);
  });

  it('stops on an unknown document type, naming the field', async () => {
    await expect(
      indexArchive(history('acme', 'privacy-policy', ['a']), read({ a: GOOD.replace('Privacy Policy', 'Secret Rules') })),
    ).rejects.toThrow('field "type" is not an Open Terms Archive document type');
  });

  it('still publishes an older version whose front matter is broken, as its whole text', async () => {
    const broken = '---\nplatform: [unclosed\n---\n\nOld.\n';
    const index = await indexArchive(history('acme', 'privacy-policy', ['a', 'b']), read({ a: broken, b: GOOD }));
    expect(index.documents[0]!.versions.map((v) => v.bodyStartLine)).toEqual([0, 7]);
  });

  it('summarises each change of a history that goes back and forth by its own two texts and commit kind', async () => {
    const longer = GOOD.replace('Text.\n', 'Text and more words.\n\n## Rights\n\nYou may ask.\n');
    const archive = history('acme', 'privacy-policy', ['a', 'b', 'a', 'b']);
    archive.documents[0]!.versions[3]!.recordKind = 'technical';
    const index = await indexArchive(archive, read({ a: GOOD, b: longer }));
    const changes = index.documents[0]!.versions.slice(1).map(({ change }) => ({
      kind: change!.kind,
      words: [change!.wordsAdded, change!.wordsRemoved],
      added: change!.provisionsAdded.map((provision) => provision.id),
      removed: change!.provisionsRemoved.map((provision) => provision.id),
    }));
    expect(changes).toEqual([
      { kind: 'substantive', words: [7, 0], added: ['rights'], removed: [] },
      { kind: 'substantive', words: [0, 7], added: [], removed: ['rights'] },
      { kind: 'technical', words: [7, 0], added: ['rights'], removed: [] },
    ]);
  });

  it('stops when a platform id would shadow a route of the site', async () => {
    await expect(indexArchive(history('topics', 'privacy-policy', ['a']), read({ a: GOOD }))).rejects.toThrow(
      'content/platforms/topics/privacy-policy.md: the platform id "topics" is a route of the site',
    );
  });
});

describe('indexArchive with a derived-data cache', () => {
  const texts = { a: GOOD, b: GOOD.replace('Text.', 'Text, changed.') };

  it('derives a document once and reads no text when its blobs are unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fineprint-cache-'));
    const cache = () => createDerivedCache(createDiskCache(join(dir, 'derived')), createDiskCache(join(dir, 'texts')));
    try {
      const reads: string[] = [];
      const counting = async (blob: string) => (reads.push(blob), texts[blob as 'a' | 'b']);
      const cold = await indexArchive(history('acme', 'privacy-policy', ['a', 'b']), counting, cache());
      expect(reads).toEqual(['a', 'b']);
      const warm = await indexArchive(history('acme', 'privacy-policy', ['a', 'b']), counting, cache());
      expect(reads).toEqual(['a', 'b']);
      expect(warm.documents[0]!.versions).toEqual(cold.documents[0]!.versions);
      expect(warm.documents[0]!.latest.change!.kind).toBe('substantive');
      await indexArchive(history('acme', 'privacy-policy', ['a', 'b', 'a']), counting, cache());
      expect(reads).toEqual(['a', 'b', 'a', 'b', 'a']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the texts of provision events in the cache by id, out of the index, and derives again when they are lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fineprint-cache-'));
    const textDisk = createDiskCache(join(dir, 'texts'));
    const cache = () => createDerivedCache(createDiskCache(join(dir, 'derived')), textDisk);
    try {
      const reads: string[] = [];
      const counting = async (blob: string) => (reads.push(blob), texts[blob as 'a' | 'b']);
      const index = await indexArchive(history('acme', 'privacy-policy', ['a', 'b']), counting, cache());
      const events = index.documents[0]!.provisions[0]!.events;
      expect(events.map((event) => [event.event, 'text' in event, textDisk.get(event.textId)])).toEqual([
        ['added', false, 'Text.\n'],
        ['modified', false, 'Text, changed.\n'],
      ]);
      expect(events[1]!.textId).toBe(provisionTextId('Text, changed.\n'));
      rmSync(join(dir, 'texts'), { recursive: true, force: true });
      await indexArchive(history('acme', 'privacy-policy', ['a', 'b']), counting, cache());
      expect(reads).toEqual(['a', 'b', 'a', 'b']);
      expect(textDisk.get(events[1]!.textId)).toBe('Text, changed.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
