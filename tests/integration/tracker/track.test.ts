import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server';
import { makeTestRepo, type TestRepo } from '../../helpers/test-repo';
import { makeTextPdf } from '../../helpers/tracker-pdf';
import { trackDocuments, type DocumentResult, type TrackOptions } from '../../../src/lib/tracker/run';
import { extractPage } from '../../../src/lib/tracker/extract';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/tracker');
const CLAUDE = readFileSync(path.join(FIXTURES, 'claude-ai-commercial-terms.html'), 'utf8');
const CHATGPT = readFileSync(path.join(FIXTURES, 'chatgpt-commercial-terms.html'), 'utf8');
const LOGIN = readFileSync(path.join(FIXTURES, 'login-wall.html'), 'utf8');
const HTML = 'text/html; charset=utf-8';
const TRACKING_ID = '74bc1cfb-bb88-491b-9875-af01e53d50a0';

/** Every fault of the issue, each on its own platform so one run reports them all. */
const FAULTS: Record<string, { route?: Parameters<FixtureServer['routes']['set']>[1]; category: string; url?: (s: FixtureServer) => string; select?: string }> = {
  timeout: { route: { body: CLAUDE, contentType: HTML, delayMs: 2_000 }, category: 'timeout' },
  forbidden: { route: { status: 403, body: 'no', contentType: HTML }, category: 'http-403' },
  gone: { route: { status: 404, body: 'gone', contentType: HTML }, category: 'http-404' },
  limited: { route: { status: 429, body: '', headers: { 'retry-after': '3600' } }, category: 'http-429' },
  broken: { route: { status: 500, body: 'oops', contentType: HTML }, category: 'http-5xx' },
  gateway: { route: { status: 502, body: 'bad gateway', contentType: HTML }, category: 'http-5xx' },
  unavailable: { route: { status: 503, body: '', headers: { 'retry-after': '3600' } }, category: 'http-5xx' },
  reset: { route: { body: CLAUDE, contentType: HTML, resetMidBody: true }, category: 'connection-reset' },
  loop: { route: { redirectTo: '/loop-b' }, category: 'too-many-redirects' },
  huge: { route: { streamBytes: 50 * 1024 * 1024 }, category: 'body-too-large' },
  json: { route: { body: '{"terms":"no"}', contentType: 'application/json' }, category: 'unsupported-content-type' },
  empty: { route: { body: '', contentType: HTML }, category: 'empty-response' },
  relayout: { route: { body: CLAUDE.replaceAll('<main', '<div').replaceAll('</main>', '</div>'), contentType: HTML }, category: 'selector-no-match' },
  badselector: { route: { body: CLAUDE, contentType: HTML }, category: 'invalid-selector', select: 'main[' },
  wall: { route: { body: LOGIN, contentType: HTML }, category: 'soft-error-page' },
  shrunk: { route: { body: CLAUDE.replace(/<main([^>]*)>[\s\S]*<\/main>/, '<main$1><h1>Commercial Terms</h1><p>See our other terms.</p></main>'), contentType: HTML }, category: 'suspicious-shrink' },
  tls: { category: 'tls', url: (s) => s.origin.replace('http:', 'https:') + '/tls' },
};

function declaration(server: FixtureServer, platform: string, select = 'main', extra: Record<string, unknown> = {}) {
  const url = FAULTS[platform]?.url?.(server) ?? server.url(`/${platform}`);
  return YAML.stringify({
    name: `Acme ${platform}`,
    homepage: 'https://example.com/',
    documents: { 'commercial-terms': { type: 'Commercial Terms', url, select, ...extra } },
  });
}

/** The Markdown body of a recorded file, without its front matter. */
const bodyOf = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n\n/, '');

const FETCH = { timeoutMs: 500, retries: 1, backoffMs: 10, maxRetryAfterMs: 1_500, maxBytes: 2 * 1024 * 1024 };
const CAPTURE = new Date('2026-09-01T06:00:00Z');

describe('tracker run against the fixture server', () => {
  let server: FixtureServer;
  let repo: TestRepo;
  const options = (extra: Partial<TrackOptions> = {}): TrackOptions => ({
    repoDir: repo.dir,
    fetchOptions: FETCH,
    concurrency: 8,
    now: () => CAPTURE,
    statePath: path.join(repo.dir, '.state', 'tracker-state.json'),
    ...extra,
  });
  const resultOf = (results: DocumentResult[], platform: string) => results.find((r) => r.platform === platform)!;
  const commitCount = () => Number(repo.git('rev-list', '--count', 'HEAD').trim());
  const recordOf = (platform: string) => readFileSync(path.join(repo.dir, `content/platforms/${platform}/commercial-terms.md`), 'utf8');

  beforeAll(async () => {
    server = await startFixtureServer();
    repo = makeTestRepo('fineprint-track-');
    const files: Record<string, string> = {};
    for (const [platform, fault] of Object.entries(FAULTS)) {
      files[`content/platforms/${platform}/platform.yml`] = declaration(server, platform, fault.select ?? 'main');
      server.routes.set(`/${platform}`, { body: CLAUDE, contentType: HTML });
    }
    files['content/platforms/chatgpt/platform.yml'] = YAML.stringify({
      name: 'ChatGPT',
      homepage: 'https://chatgpt.com/',
      documents: {
        'commercial-terms': {
          type: 'Commercial Terms',
          url: server.url('/chatgpt'),
          select: 'main',
          remove: ['select[name="Locale Select"]', 'main .sr-only'],
          noise: { strip_query_params: ['openaicom-did'] },
        },
      },
    });
    server.routes.set('/chatgpt', { body: CHATGPT, contentType: HTML });
    repo.commit(files, 'Declare the platforms', '2026-08-01T00:00:00Z');
  });

  afterAll(async () => {
    await server?.close();
    repo?.remove();
  });

  it('records a first version of every document, one commit each, as Fineprint Bot at the capture time', async () => {
    // Pages that fail on purpose are served well for the first record, except those that cannot be.
    const report = await trackDocuments(options({ platform: undefined }));
    const failed = report.results.filter((r) => r.status === 'failed').map((r) => [r.platform, r.category]);
    expect(failed).toEqual([
      ['badselector', 'invalid-selector'],
      ['tls', 'tls'],
    ]);
    expect(report.results.filter((r) => r.kind === 'first')).toHaveLength(Object.keys(FAULTS).length - 2 + 1);
    expect(commitCount()).toBe(1 + Object.keys(FAULTS).length - 2 + 1);
    const log = repo.git('log', '-1', '--format=%an <%ae>|%cn <%ce>|%aI|%cI|%B', '--', 'content/platforms/chatgpt');
    expect(log).toBe(
      `Fineprint Bot <bot@fineprint.invalid>|Fineprint Bot <bot@fineprint.invalid>|2026-09-01T06:00:00+00:00|2026-09-01T06:00:00+00:00|First record of ChatGPT Commercial Terms\n\nSource: ${server.url('/chatgpt')}\nFetcher: html\nExtractor-Version: 1\n\n`,
    );
    const record = recordOf('chatgpt');
    const head = `---\nplatform: "ChatGPT"\ntype: "Commercial Terms"\nsources:\n  - "${server.url('/chatgpt')}"\n---\n\nUpdated: 1 December 2025\n\nOpenAI Services Agreement\n=========================\n`;
    expect(record.slice(0, head.length)).toBe(head);
    expect(record).not.toContain('openaicom-did');
  });

  it('commits nothing on a second run with unchanged pages, nor when only a tracking id rotated', async () => {
    const before = commitCount();
    server.routes.set('/chatgpt', { body: CHATGPT.replaceAll(TRACKING_ID, '0f0f0f0f-1111-4222-8333-444455556666'), contentType: HTML });
    const report = await trackDocuments(options({ platform: 'chatgpt' }));
    expect(report.results.map((r) => r.status)).toEqual(['unchanged']);
    const again = await trackDocuments(options({ platform: 'wall' }));
    expect(again.results.map((r) => r.status)).toEqual(['unchanged']);
    expect(commitCount()).toBe(before);
  });

  it('reports every fault with its category, commits nothing and leaves the last versions byte-identical', async () => {
    const before = commitCount();
    const records = Object.fromEntries(Object.keys(FAULTS).filter((p) => p !== 'badselector' && p !== 'tls').map((p) => [p, recordOf(p)]));
    for (const [platform, fault] of Object.entries(FAULTS)) if (fault.route) server.routes.set(`/${platform}`, fault.route);
    server.routes.set('/loop-b', { redirectTo: '/loop' });
    const started = Date.now();
    const report = await trackDocuments(options());
    const categories = Object.fromEntries(report.results.filter((r) => r.platform !== 'chatgpt').map((r) => [r.platform, r.category]));
    expect(categories).toEqual(Object.fromEntries(Object.entries(FAULTS).map(([p, f]) => [p, f.category])));
    expect(resultOf(report.results, 'chatgpt').status).toBe('unchanged');
    expect(commitCount()).toBe(before);
    for (const [platform, text] of Object.entries(records)) expect(recordOf(platform)).toBe(text);
    expect(repo.git('status', '--porcelain', '--', 'content')).toBe('');
    // The 50 MB body was cut off at the cap, not read to the end.
    expect(server.streamedBytes.get('/huge')!).toBeLessThan(12 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(resultOf(report.results, 'limited').message).toContain('asks to wait 3600 s');
  });

  it('records a suspicious shrink when the next run confirms it, and with force at once', async () => {
    const confirmed = await trackDocuments(options({ platform: 'shrunk' }));
    expect(confirmed.results.map((r) => [r.status, r.kind])).toEqual([['recorded', 'change']]);
    expect(recordOf('shrunk').endsWith('Commercial Terms\n================\n\nSee our other terms.\n')).toBe(true);
    server.routes.set('/gone', { body: CLAUDE.replace(/<main([^>]*)>[\s\S]*<\/main>/, '<main$1><p>Short.</p></main>'), contentType: HTML });
    const forced = await trackDocuments(options({ platform: 'gone', force: true }));
    expect(forced.results.map((r) => r.status)).toEqual(['recorded']);
    expect(recordOf('gone').endsWith('---\n\nShort.\n')).toBe(true);
  });

  it('waits for Retry-After on a 503 and records the page served after it', async () => {
    server.routes.set('/broken', {
      body: CLAUDE.replace('Before accessing our Services', 'Before using our Services'),
      contentType: HTML,
      firstAnswers: [{ status: 503, headers: { 'retry-after': '1' } }],
    });
    const started = Date.now();
    const report = await trackDocuments(options({ platform: 'broken' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(report.results.map((r) => [r.status, r.kind])).toEqual([['recorded', 'change']]);
    expect(repo.git('log', '-1', '--format=%s')).toBe('Record changes of Acme broken Commercial Terms\n');
  });

  it('records a re-extraction after a declaration change as a technical upgrade', async () => {
    server.routes.set('/forbidden', { body: CLAUDE, contentType: HTML });
    repo.commit(
      { 'content/platforms/forbidden/platform.yml': declaration(server, 'forbidden', 'main', { remove: ['h1'] }) },
      'Drop the title of forbidden',
      '2026-09-01T07:00:00Z',
    );
    const report = await trackDocuments(options({ platform: 'forbidden' }));
    expect(report.results.map((r) => [r.status, r.kind])).toEqual([['technical', 'technical']]);
    expect(repo.git('log', '-1', '--format=%s')).toBe('Technical upgrade of Acme forbidden Commercial Terms\n');
  });

  it('writes nothing on a dry run and writes without committing with commit: false', async () => {
    server.routes.set('/gateway', { body: CLAUDE.replace('Welcome to Anthropic!', 'Welcome!'), contentType: HTML });
    const before = commitCount();
    const original = recordOf('gateway');
    const dry = await trackDocuments(options({ platform: 'gateway', dryRun: true }));
    expect(dry.results.map((r) => r.status)).toEqual(['recorded']);
    expect(recordOf('gateway')).toBe(original);
    const written = await trackDocuments(options({ platform: 'gateway', commit: false }));
    expect(written.results.map((r) => [r.status, r.commit])).toEqual([['recorded', undefined]]);
    expect(recordOf('gateway')).toContain('**Welcome!');
    expect(commitCount()).toBe(before);
    repo.git('checkout', '--', 'content/platforms/gateway/commercial-terms.md');
  });

  it('puts back the last good version a killed run left on disk, without committing', async () => {
    server.routes.set('/reset', { body: CLAUDE, contentType: HTML });
    const file = path.join(repo.dir, 'content/platforms/reset/commercial-terms.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good}half-written`);
    const before = commitCount();
    const report = await trackDocuments(options({ platform: 'reset' }));
    expect(report.results.map((r) => r.status)).toEqual(['unchanged']);
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect(commitCount()).toBe(before);
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('decodes a windows-1252 page to the same text as its UTF-8 original', async () => {
    server.routes.set('/latin', {
      body: iconv.encode(CLAUDE.replace('charset="utf-8"', ''), 'windows-1252'),
      contentType: 'text/html; charset=windows-1252',
    });
    repo.commit({ 'content/platforms/latin/platform.yml': declaration(server, 'latin') }, 'Declare latin', '2026-09-01T08:00:00Z');
    await trackDocuments(options({ platform: 'latin' }));
    const expected = extractPage(CLAUDE, { url: server.url('/latin'), select: ['main'], remove: [], noise: { strip_query_params: [], drop_selectors: [], date_formats: false, link_rewrites: [] } });
    expect(bodyOf(recordOf('latin'))).toBe(expected);
    expect(expected).toContain('Anthropic’s');
  });

  it('records the text of a PDF with the pdf fetcher', async () => {
    server.routes.set('/pdf', { body: makeTextPdf(['Law Enforcement Guidelines', 'We require valid legal process.']), contentType: 'application/pdf' });
    repo.commit(
      {
        'content/platforms/pdf/platform.yml': YAML.stringify({
          name: 'Acme pdf',
          homepage: 'https://example.com/',
          documents: { 'law-enforcement-guidelines': { type: 'Law Enforcement Guidelines', url: server.url('/pdf') } },
        }),
      },
      'Declare pdf',
      '2026-09-01T08:00:00Z',
    );
    const report = await trackDocuments(options({ platform: 'pdf' }));
    expect(report.results.map((r) => [r.status, r.fetchers])).toEqual([['recorded', ['pdf']]]);
    const text = readFileSync(path.join(repo.dir, 'content/platforms/pdf/law-enforcement-guidelines.md'), 'utf8');
    expect(bodyOf(text)).toBe('Law Enforcement Guidelines\nWe require valid legal process.\n');
    expect(repo.git('log', '-1', '--format=%B')).toContain('Fetcher: pdf\n');
  });

  it('sends the declared Accept-Language and the tracker user agent', () => {
    const request = server.requests.find((r) => r.path === '/chatgpt')!;
    expect(request.headers['accept-language']).toBe('en');
    expect(request.headers['user-agent']).toMatch(/^FineprintBot\/1\.0 /);
    expect(existsSync(path.join(repo.dir, '.state', 'tracker-state.json'))).toBe(true);
  });
});
