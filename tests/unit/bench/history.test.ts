import { afterEach, describe, expect, it } from 'vitest';
import { measureHistoryRead } from '../../../src/lib/bench/history';
import { makeTestRepo, type TestRepo } from '../../helpers/test-repo';

let repo: TestRepo;
afterEach(() => repo?.remove());

describe('measureHistoryRead', () => {
  it('reads every version of an archive and keeps the best of each measurement with all its rounds', async () => {
    repo = makeTestRepo();
    repo.commit({ 'Acme/Terms of Service.md': 'One.\n', 'Acme/Privacy Policy.md': 'Private.\n' }, 'First record of Acme Terms of Service', '2026-01-01T00:00:00Z');
    repo.commit({ 'Acme/Terms of Service.md': 'One, then two.\n' }, 'Record changes of Acme Terms of Service', '2026-02-01T00:00:00Z');
    const figures = await measureHistoryRead(repo.dir, 2);
    expect([figures.documents, figures.versions, figures.bytes]).toEqual([2, 3, 'One.\n'.length + 'Private.\n'.length + 'One, then two.\n'.length]);
    expect([figures.rounds.reader.length, figures.rounds.readerPerDocument.length, figures.rounds.floor.length]).toEqual([2, 2, 2]);
    expect(figures.readerMs).toBe(Math.min(...figures.rounds.reader));
    expect(figures.readerPerDocumentMs).toBe(Math.min(...figures.rounds.readerPerDocument));
    expect(figures.floorMs).toBe(Math.min(...figures.rounds.floor));
  });
});
