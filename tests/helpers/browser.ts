import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer } from '../../src/lib/static-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/lib/tracker/browser';


/** Launches Debian's Chromium headless with a fresh profile; `close` also removes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'fineprint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A built site served on 127.0.0.1 and a fresh Chromium page to browse it; `close` stops both. */
export interface BrowsedSite {
  url: string;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Serves `outDir` under `base` and opens a Chromium page on nothing yet. */
export async function browseSite(outDir: string, base: string): Promise<BrowsedSite> {
  const server = await startStaticServer(outDir, { base });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  return {
    url: server.url,
    context: browser.context,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
