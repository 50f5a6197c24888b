import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { FetchError } from '../errors';
import { statusToCategory, type FetchOptions } from './fetch';

/** Where Debian puts chromium; override with FINEPRINT_CHROMIUM. */
export const CHROMIUM_PATH = process.env.FINEPRINT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags this machine needs for headless Debian chromium (see DESIGN.md, "Toolchain"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fetches pages that need client-side scripts with headless chromium; launched on first use, closed by close(). */
export function createBrowserFetcher() {
  let launching: Promise<{ context: BrowserContext; dir: string }> | undefined;

  async function launch(options: FetchOptions) {
    const { chromium } = await import('playwright-core');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fineprint-chromium-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      userAgent: options.userAgent,
      locale: options.acceptLanguage,
      extraHTTPHeaders: { 'accept-language': options.acceptLanguage },
    });
    return { context, dir };
  }

  return {
    /** The rendered HTML of `url` once the network is idle. */
    async fetch(url: string, options: FetchOptions): Promise<string> {
      launching ??= launch(options);
      let context: BrowserContext;
      try {
        ({ context } = await launching);
      } catch (error) {
        launching = undefined;
        throw new FetchError(
          `Cannot start chromium at ${CHROMIUM_PATH} for ${url}: ${(error as Error).message.split('\n')[0]}. Install it (apt-get install chromium) or set FINEPRINT_CHROMIUM.`,
          'browser',
          url,
        );
      }
      const page = await context.newPage();
      try {
        const response = await page.goto(url, { waitUntil: 'networkidle', timeout: options.timeoutMs }).catch((error: Error) => {
          const category = /timeout/i.test(error.message) ? 'timeout' : /ERR_NAME_NOT_RESOLVED/.test(error.message) ? 'dns' : /ERR_TOO_MANY_REDIRECTS/.test(error.message) ? 'too-many-redirects' : /CERT|SSL/.test(error.message) ? 'tls' : 'connection-reset';
          throw new FetchError(`Chromium could not load ${url} (${category}: ${error.message.split('\n')[0]}).`, category, url);
        });
        const status = response?.status() ?? 0;
        if (status < 200 || status >= 300) {
          throw new FetchError(`HTTP ${status} from ${url} (in chromium).`, statusToCategory(status), url);
        }
        return await page.content();
      } finally {
        await page.close();
      }
    },
    /** Closes chromium and removes its profile directory. */
    async close(): Promise<void> {
      if (!launching) return;
      const { context, dir } = await launching.catch(() => ({ context: undefined, dir: undefined }));
      launching = undefined;
      await context?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A fetcher from createBrowserFetcher. */
export type BrowserFetcher = ReturnType<typeof createBrowserFetcher>;
