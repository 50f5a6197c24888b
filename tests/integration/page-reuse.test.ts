import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDING_TEST_TIMEOUT, buildSite, FIXTURE_SITE } from '../helpers/build-site';
import { FIXTURE_VERSIONS, makeFixtureArchive } from '../helpers/fixture-archive';
import { differingFiles, filesOf } from '../helpers/site-files';
import type { TestRepo } from '../helpers/test-repo';
import { makeTempDir } from '../helpers/temp-dir';

// A provision on a topic that other platforms' provisions of the fixture archive have too: once
// grok's brand guidelines gain it, their pages name grok under "How other platforms handle this".
const NEW_SECTION = `

## Sharing with third parties

We share your personal information with third parties, such as service providers and partners, and disclose it to law enforcement when the law requires it.
`;

const reuseLine = (output: string) => /Documents rendered: (\d+); reused from the page store: (\d+)\./.exec(output)?.slice(1).map(Number);

let repo: TestRepo;
let work: string;
let cold: Map<string, Buffer>;

beforeAll(() => {
  repo = makeFixtureArchive('fineprint');
  work = makeTempDir('fineprint-reuse-');
  const output = buildSite({ archive: repo.dir, outDir: join(work, 'dist'), ...FIXTURE_SITE });
  expect(reuseLine(output)).toEqual([3, 0]);
  cold = filesOf(join(work, 'dist'));
});

afterAll(() => repo?.remove());

describe('a rebuild with the page store', { timeout: BUILDING_TEST_TIMEOUT }, () => {
  it('renders no document again when nothing changed, and builds the same site', () => {
    const output = buildSite({ archive: repo.dir, outDir: join(work, 'dist'), ...FIXTURE_SITE });
    expect(reuseLine(output)).toEqual([0, 3]);
    expect(differingFiles(filesOf(join(work, 'dist')), cold)).toEqual([]);
  });

  it('after a new version renders the documents whose pages it changes only, and builds what a cold build of the new archive builds', () => {
    const grok = FIXTURE_VERSIONS.findLast((version) => version.path.includes('/grok/'))!;
    const latest = readFileSync(join(repo.dir, grok.path), 'utf8');
    repo.commit({ [grok.path]: latest.trimEnd() + NEW_SECTION }, 'Record changes of Grok Brand Guidelines', '2026-06-01T12:00:00Z');

    const output = buildSite({ archive: repo.dir, outDir: join(work, 'dist'), ...FIXTURE_SITE });
    // Grok's document, and the one whose provision pages now name grok's new provision.
    expect(reuseLine(output)).toEqual([2, 1]);
    const rebuilt = filesOf(join(work, 'dist'));

    const fresh = join(makeTempDir('fineprint-reuse-cold-'), 'dist');
    buildSite({ archive: repo.dir, outDir: fresh, ...FIXTURE_SITE });
    const expected = filesOf(fresh);
    expect(differingFiles(rebuilt, expected)).toEqual([]);

    // The new provision changed pages of documents that were not rendered again.
    const changedElsewhere = differingFiles(cold, expected).filter((path) => /^(chatgpt|claude-ai)\/.+\/provisions\//.test(path));
    expect(changedElsewhere).not.toEqual([]);
  });
});
