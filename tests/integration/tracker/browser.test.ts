import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserFetcher } from '../../../src/lib/tracker/browser';
import { DEFAULT_FETCH_OPTIONS } from '../../../src/lib/tracker/fetch';
import { extractPage } from '../../../src/lib/tracker/extract';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server';

const SCRIPTED = `<!doctype html><html><head><meta charset="utf-8"><title>Terms</title></head><body><main id="root">Loading…</main>
<script>document.getElementById('root').innerHTML = '<h1>Usage Policy</h1><p>Rendered by a script.</p>';</script></body></html>`;

describe('browser fetcher', () => {
  let server: FixtureServer;
  const browser = createBrowserFetcher();

  beforeAll(async () => {
    server = await startFixtureServer();
    server.routes.set('/scripted', { body: SCRIPTED, contentType: 'text/html; charset=utf-8' });
    server.routes.set('/denied', { status: 403, body: 'no', contentType: 'text/html' });
  });

  afterAll(async () => {
    await browser.close();
    await server?.close();
  });

  it('returns the HTML after client-side scripts ran, and the category of an HTTP error', async () => {
    const options = { ...DEFAULT_FETCH_OPTIONS, timeoutMs: 15_000 };
    const html = await browser.fetch(server.url('/scripted'), options);
    const noise = { strip_query_params: [], drop_selectors: [], date_formats: false, link_rewrites: [] };
    expect(extractPage(html, { url: server.url('/scripted'), select: ['main'], remove: [], noise })).toBe('Usage Policy\n============\n\nRendered by a script.\n');
    await expect(browser.fetch(server.url('/denied'), options)).rejects.toMatchObject({ category: 'http-403' });
  });
});
