import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server';
import { makeTestRepo, type TestRepo } from '../../helpers/test-repo';
import type { RunReport } from '../../../src/lib/tracker/run';

const ROOT = path.join(import.meta.dirname, '../../..');
const CLAUDE = readFileSync(path.join(ROOT, 'tests/fixtures/tracker/claude-ai-commercial-terms.html'), 'utf8');

describe('npm run track', () => {
  let server: FixtureServer;
  let repo: TestRepo;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.routes.set('/terms', { body: CLAUDE, contentType: 'text/html; charset=utf-8' });
    repo = makeTestRepo('fineprint-cli-');
    const platform = (url: string) =>
      YAML.stringify({ name: 'Acme', homepage: 'https://acme.example/', documents: { 'commercial-terms': { type: 'Commercial Terms', url, select: 'main' } } });
    repo.commit(
      { 'content/platforms/acme/platform.yml': platform(server.url('/terms')), 'content/platforms/beta/platform.yml': platform(server.url('/missing')) },
      'Declare',
      '2026-08-01T00:00:00Z',
    );
  });

  afterAll(async () => {
    await server?.close();
    repo?.remove();
  });

  it('records what it can, prints a summary, writes the JSON report and exits 1 when a document failed', async () => {
    const reportFile = path.join(repo.dir, 'report.json');
    const run = promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/track.ts'), '--repo', repo.dir, '--report', reportFile], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true' },
    });
    const error = await run.then(() => undefined, (e: { code: number; stdout: string }) => e);
    expect(error?.code).toBe(1);
    expect(error!.stdout).toContain('\nrecorded  1\ntechnical 0\nunchanged 0\nfailed    1\n\nfailed documents:\n  beta/commercial-terms  http-404  HTTP 404 from');
    expect(error!.stdout).toMatch(/^\[\d\] ✓ acme\/commercial-terms: first record \([0-9a-f]{10}\)$/m);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as RunReport;
    expect(report.results.map((r) => [r.platform, r.status, r.category])).toEqual([
      ['acme', 'recorded', undefined],
      ['beta', 'failed', 'http-404'],
    ]);
    expect(repo.git('log', '-1', '--format=%s')).toBe('First record of Acme Commercial Terms\n');
  });
});
