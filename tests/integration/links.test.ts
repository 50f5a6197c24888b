import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltSite } from '../../src/lib/check/built-site';
import { findBrokenLinks, formatBrokenLinks } from '../../src/lib/check/links';
import { findUnresolvedPermalinks, manifestUrls, parsePermalinkManifest, type PermalinkManifest } from '../../src/lib/check/permalinks';
import { BUILDING_TEST_TIMEOUT, buildSite, FIXTURE_SITE, fixtureSite } from '../helpers/build-site';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const GRAPH = 'content/platforms/grok/brand-guidelines.md';

const readManifest = (dist: string): PermalinkManifest => {
  const file = path.join(dist, 'api/permalinks.json');
  return parsePermalinkManifest(readFileSync(file, 'utf8'), file);
};

/** Runs a check script; returns its exit code and output. */
function runScript(script: string, ...args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(TSX, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    return { code: status, output: `${stdout}${stderr}` };
  }
}

/**
 * Broken links of a build. Notes are written about the shipped archive: their links to documents this
 * fixture archive does not hold are checked by `check-links` on the real build, not here.
 */
async function brokenLinks(dist: string) {
  const built = await readBuiltSite(dist);
  const documentFolders = new Set([...built.files].map((file) => file.split('/').slice(0, 2).join('/')));
  const broken = findBrokenLinks(built.pages, built.files, FIXTURE_SITE).filter((link) => {
    if (!link.page.startsWith(`${FIXTURE_SITE.base}notes/`) || link.reason !== 'missing-file') return true;
    const target = new URL(link.link, `${FIXTURE_SITE.site}${link.page}`).pathname.slice(FIXTURE_SITE.base.length);
    return documentFolders.has(target.split('/').slice(0, 2).join('/'));
  });
  return formatBrokenLinks(broken);
}

let first: string;
let work: string;
let archive: string;
const git = (...args: string[]) => execFileSync('git', ['-C', archive, ...args], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } });
function commitAt(message: string, date: string) {
  execFileSync('git', ['-C', archive, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', message], {
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

beforeAll(async () => {
  const built = await fixtureSite();
  first = built.outDir;
  work = mkdtempSync(path.join(tmpdir(), 'fineprint-permalinks-'));
  archive = path.join(work, 'archive');
  execFileSync('git', ['clone', '-q', built.archive, archive]);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('internal links of the built fixture site', () => {
  it('finds every linked file and #anchor of every page', async () => {
    expect(await brokenLinks(first)).toBe('');
  });

  it('fails the check-links script on a link to a missing page, naming it', () => {
    // The notes' links to the shipped archive's platforms are missing here: the script must report them.
    const { code, output } = runScript('check-links.ts', first);
    expect(code).toBe(1);
    expect(output).toContain('/fineprint/notes/change-kinds/: ../../vibe/terms-of-service/ (missing-file)\n');
  });
});

describe('permalinks across builds', { timeout: BUILDING_TEST_TIMEOUT }, () => {
  it('lists every version, raw text, change and provision URL, absolute', async () => {
    const manifest = readManifest(first);
    expect([manifest.site, manifest.base]).toEqual(['https://archive.example', '/fineprint/']);
    expect([manifest.versions.length, manifest.raw.length, manifest.changes.length, manifest.provisions.length]).toEqual([11, 11, 11, 18]);
    expect(manifest.raw[0]).toBe('https://archive.example/fineprint/chatgpt/vulnerability-disclosure-policy/20251111152200.md');
    expect(findUnresolvedPermalinks(manifest, (await readBuiltSite(first)).files, '/fineprint/')).toEqual([]);
  });

  it('still serves every permalink after a new version, and the script says so', async () => {
    const text = readFileSync(path.join(archive, GRAPH), 'utf8');
    writeFileSync(path.join(archive, GRAPH), text.replace('Written with Grok', 'Made with Grok'));
    git('add', GRAPH);
    commitAt('Record changes of Grok Brand Guidelines', '2026-08-20T10:00:00Z');
    const second = path.join(work, 'second');
    buildSite({ archive, outDir: second, ...FIXTURE_SITE });
    const before = readManifest(first);
    const after = readManifest(second);
    expect(manifestUrls(after).filter((url) => !manifestUrls(before).includes(url))).toEqual([
      'https://archive.example/fineprint/grok/brand-guidelines/20260820100000/',
      'https://archive.example/fineprint/grok/brand-guidelines/20260820100000.md',
      'https://archive.example/fineprint/grok/brand-guidelines/20260820100000/changes/',
    ]);
    expect(runScript('check-permalinks.ts', path.join(first, 'api/permalinks.json'), second)).toEqual({
      code: 0,
      output: `All 51 permalinks of ${path.join(first, 'api/permalinks.json')} resolve in ${second}.\n`,
    });
    // The check fails when a build lacks published URLs: the older build lacks the new version's.
    const reverse = runScript('check-permalinks.ts', path.join(second, 'api/permalinks.json'), first);
    expect(reverse.code).toBe(1);
    expect(reverse.output).toContain(`3 of 54 permalinks of ${path.join(second, 'api/permalinks.json')} no longer resolve in ${first}:\n`);
  });

  it('keeps publishing the old URLs of a renamed document', async () => {
    git('mv', GRAPH, 'content/platforms/grok/trademark-guidelines.md');
    commitAt('Rename the Grok brand guidelines file', '2026-08-21T10:00:00Z');
    const third = path.join(work, 'third');
    buildSite({ archive, outDir: third, ...FIXTURE_SITE });
    const lost = findUnresolvedPermalinks(readManifest(first), (await readBuiltSite(third)).files, '/fineprint/');
    expect(lost).toEqual([]);
    expect(await brokenLinks(third)).toBe('');
  });
});
