import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { formatRecordMessage } from '../../src/lib/history/commit-message';
import { formatRecordedText } from '../../src/lib/schemas/front-matter';
import { nameToSlug } from '../../src/lib/slug';
import { TERMS_TYPES } from '../../src/lib/terms-types';
import { EXTRACTOR_VERSION } from '../../src/lib/tracker/extract';
import { trackDocuments, type RunReport } from '../../src/lib/tracker/run';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from '../helpers/fixture-server';
import { makeTestRepo, type TestRepo } from '../helpers/test-repo';
import { seededRandom } from '../../src/lib/random';

const HOSTS = 10;
const PLATFORMS = 50;
const TYPES = TERMS_TYPES.slice(0, 10);
const FAULT_RATE = 0.1;
const SEED = 20260901;
const HTML = 'text/html; charset=utf-8';
const LOGIN = readFileSync(path.join(import.meta.dirname, '../fixtures/tracker/login-wall.html'), 'utf8');

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html><body><nav>Menu</nav><main><h1>${title}</h1>${Array.from({ length: 6 }, (_, i) => `<p>${text} Clause ${i + 1} applies to every user of the service.</p>`).join('')}</main></body></html>`;

/** Every fault the fixture server can inject, with the category the tracker must report for it. */
const FAULTS: { name: string; category: string; route: (body: string) => FixtureRoute }[] = [
  { name: 'forbidden', category: 'http-403', route: () => ({ status: 403, body: 'no', contentType: HTML }) },
  { name: 'gone', category: 'http-404', route: () => ({ status: 404, body: 'gone', contentType: HTML }) },
  { name: 'limited', category: 'http-429', route: () => ({ status: 429, headers: { 'retry-after': '3600' } }) },
  { name: 'broken', category: 'http-5xx', route: () => ({ status: 500, body: 'oops', contentType: HTML }) },
  { name: 'unavailable', category: 'http-5xx', route: () => ({ status: 503, headers: { 'retry-after': '3600' } }) },
  { name: 'reset', category: 'connection-reset', route: (body) => ({ body, contentType: HTML, resetMidBody: true }) },
  { name: 'timeout', category: 'timeout', route: (body) => ({ body, contentType: HTML, delayMs: 3_000 }) },
  { name: 'json', category: 'unsupported-content-type', route: () => ({ body: '{"terms":"no"}', contentType: 'application/json' }) },
  { name: 'empty', category: 'empty-response', route: () => ({ body: '', contentType: HTML }) },
  { name: 'relayout', category: 'selector-no-match', route: (body) => ({ body: body.replaceAll('<main>', '<div>').replaceAll('</main>', '</div>'), contentType: HTML }) },
  { name: 'wall', category: 'soft-error-page', route: () => ({ body: LOGIN, contentType: HTML }) },
];

interface Planned {
  platform: string;
  document: string;
  file: string;
  fault?: (typeof FAULTS)[number];
}

let servers: FixtureServer[];
let repo: TestRepo;
let report: RunReport;
let elapsedMs: number;
const planned: Planned[] = [];
const before = new Map<string, string>();
const CAPTURE = new Date('2026-09-02T06:00:00Z');

beforeAll(async () => {
  servers = await Promise.all(Array.from({ length: HOSTS }, () => startFixtureServer()));
  repo = makeTestRepo('fineprint-volume-');
  const random = seededRandom(SEED);
  const files: Record<string, string> = {};
  for (let p = 0; p < PLATFORMS; p++) {
    const platform = `platform-${String(p + 1).padStart(3, '0')}`;
    const name = `Platform ${p + 1}`;
    const documents: Record<string, { type: string; url: string; select: string }> = {};
    for (const [t, type] of TYPES.entries()) {
      const document = nameToSlug(type);
      const server = servers[(p * TYPES.length + t) % HOSTS]!;
      const route = `/${platform}/${document}`;
      const body = page(type, `The ${type} of ${name}, as changed on 2 September 2026.`);
      const fault = random() < FAULT_RATE ? FAULTS[Math.floor(random() * FAULTS.length)]! : undefined;
      server.routes.set(route, fault ? fault.route(body) : { body, contentType: HTML });
      documents[document] = { type, url: server.url(route), select: 'main' };
      const file = `content/platforms/${platform}/${document}.md`;
      planned.push({ platform, document, file, ...(fault ? { fault } : {}) });
      // The version before this run: every document already has one, which a failure must leave untouched.
      files[file] = formatRecordedText({ platform: name, type, sources: [server.url(route)] }, `${type}\n\nThe first text of ${name}.\n`);
      before.set(file, files[file]);
    }
    files[`content/platforms/${platform}/platform.yml`] = YAML.stringify({ name, homepage: 'https://example.com/', documents });
  }
  const trailers = formatRecordMessage({ kind: 'first', platformName: 'every platform', documentTitle: 'document', trailers: [['Extractor-Version', EXTRACTOR_VERSION]] });
  repo.commit(files, trailers, '2026-09-01T06:00:00Z');
  const started = Date.now();
  report = await trackDocuments({
    repoDir: repo.dir,
    concurrency: HOSTS,
    now: () => CAPTURE,
    fetchOptions: { timeoutMs: 1_000, retries: 1, backoffMs: 10, maxRetryAfterMs: 100, maxBytes: 1024 * 1024 },
  });
  elapsedMs = Date.now() - started;
  // About 60 s on two idle cores, nearly all of it git processes for the 450 commits, one after another;
  // printed, not asserted: the figure follows the machine's load.
  console.log(`tracker run over ${planned.length} documents on ${HOSTS} hosts, ${planned.filter((p) => p.fault).length} faulty: ${elapsedMs} ms`);
});

afterAll(async () => {
  await Promise.all((servers ?? []).map((server) => server.close()));
  repo?.remove();
});

describe(`one tracker run over ${PLATFORMS * TYPES.length} documents with ${FAULT_RATE * 100}% seeded faults`, () => {
  it('injects about one fault in ten, of every kind', () => {
    const faulty = planned.filter((p) => p.fault);
    expect(planned.length).toBe(500);
    expect(faulty.length).toBeGreaterThan(35);
    expect(faulty.length).toBeLessThan(65);
    expect(new Set(faulty.map((p) => p.fault!.name)).size).toBe(FAULTS.length);
  });

  it('reports every failure with the category of the fault injected, and nothing else as failed', () => {
    const failures = report.results.filter((r) => r.status === 'failed').map((r) => `${r.platform}/${r.document}: ${r.category}`);
    const injected = planned.filter((p) => p.fault).map((p) => `${p.platform}/${p.document}: ${p.fault!.category}`);
    expect(failures.sort()).toEqual(injected.sort());
    const recorded = report.results.filter((r) => r.status !== 'failed').map((r) => [`${r.platform}/${r.document}`, r.status, r.kind]);
    const expected = planned.filter((p) => !p.fault).map((p) => [`${p.platform}/${p.document}`, 'recorded', 'change']);
    expect(recorded.sort()).toEqual(expected.sort());
  });

  it('commits exactly the successful documents, each once, and leaves the failed ones untouched', () => {
    const log = repo.git('log', '--format=%x00%s', '--name-only', 'HEAD~' + planned.filter((p) => !p.fault).length + '..HEAD');
    const commits = log.split('\0').slice(1).map((entry) => entry.trim().split('\n').filter(Boolean));
    const touched = commits.map(([, ...paths]) => paths);
    expect(touched.every((paths) => paths.length === 1)).toBe(true);
    expect(touched.map(([file]) => file).sort()).toEqual(planned.filter((p) => !p.fault).map((p) => p.file).sort());
    expect(Number(repo.git('rev-list', '--count', 'HEAD'))).toBe(1 + planned.filter((p) => !p.fault).length);
    for (const { file } of planned.filter((p) => p.fault)) expect(readFileSync(path.join(repo.dir, file), 'utf8')).toBe(before.get(file));
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});
