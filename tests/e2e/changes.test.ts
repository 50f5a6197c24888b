import type { Page } from 'playwright-core';
import { diffWords } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseSite, type BrowsedSite } from '../helpers/browser';
import { FIXTURE_SITE, fixtureSite } from '../helpers/build-site';

let site: BrowsedSite;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  site = await browseSite((await fixtureSite()).outDir, FIXTURE_SITE.base);
  page = site.page;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
});
afterAll(async () => site?.close());

/** The words of the first changed line pair, and the words diff2html marks in it, in the visible view. */
async function firstMarkedLinePair(view: string) {
  return page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(view)});
    const del = root.querySelector('.d2h-del .d2h-code-line-ctn');
    const ins = root.querySelector('.d2h-ins .d2h-code-line-ctn');
    return {
      before: del.textContent,
      after: ins.textContent,
      deleted: [...del.querySelectorAll('del')].map((mark) => mark.textContent.trim()).filter(Boolean),
      inserted: [...ins.querySelectorAll('ins')].map((mark) => mark.textContent.trim()).filter(Boolean),
    };
  })()`) as Promise<{ before: string; after: string; deleted: string[]; inserted: string[] }>;
}

/** Where the first changed line's new version shows against its old one, and whether unchanged lines show their new side too. */
async function layout() {
  return page.evaluate(`(() => {
    const rows = [...document.querySelectorAll('.diff tr')];
    const change = rows.find((row) => row.querySelector('.d2h-del') && row.querySelector('.d2h-ins'));
    const context = rows.find((row) => row.querySelector('.d2h-cntx') && !row.querySelector('.d2h-del, .d2h-ins, .d2h-emptyplaceholder'));
    const [before, after] = [change.querySelector('td.d2h-del:not(.d2h-code-side-linenumber)'), change.querySelector('td.d2h-ins:not(.d2h-code-side-linenumber)')].map((cell) => cell.getBoundingClientRect());
    return {
      newSideOfChange: after.left >= before.right ? 'right' : after.top >= before.bottom ? 'below' : 'overlapping',
      newSideOfContext: context.children[3].getClientRects().length ? 'shown' : 'hidden',
    };
  })()`) as Promise<{ newSideOfChange: string; newSideOfContext: string }>;
}

/** The words that differ between two lines, as a word diff finds them. */
function changedWords(before: string, after: string) {
  const parts = diffWords(before, after);
  const words = (kind: 'added' | 'removed') =>
    parts.filter((part) => part[kind]).flatMap((part) => part.value.trim().split(/\s+/).filter(Boolean));
  return { deleted: words('removed'), inserted: words('added') };
}

describe('reading what changed in a browser', () => {
  it('opens a diff page and switches between the side-by-side and inline views without reloading', async () => {
    await page.goto(`${site.url}chatgpt/vulnerability-disclosure-policy/20260518103057/changes/`);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    expect(await layout()).toEqual({ newSideOfChange: 'right', newSideOfContext: 'shown' });
    await page.getByLabel('Inline').check();
    expect(await layout()).toEqual({ newSideOfChange: 'below', newSideOfContext: 'hidden' });
    await page.getByLabel('Side by side').check();
    expect(await layout()).toEqual({ newSideOfChange: 'right', newSideOfContext: 'shown' });
    expect(navigations).toEqual([]);
  });

  it('highlights exactly the words that changed', async () => {
    await page.goto(`${site.url}chatgpt/vulnerability-disclosure-policy/20260518103057/changes/`);
    const marked = await firstMarkedLinePair('.diff');
    expect(marked.before).toBe('Updated: November 20, 2025');
    expect({ deleted: marked.deleted, inserted: marked.inserted }).toEqual({ deleted: ['November', '20', '2025'], inserted: ['March', '25', '2026'] });
    expect({ deleted: marked.deleted, inserted: marked.inserted }).toEqual(changedWords(marked.before, marked.after));
  });

  it('compares two versions picked from the lists, with a linkable address', async () => {
    await page.goto(`${site.url}chatgpt/vulnerability-disclosure-policy/compare/`);
    await page.getByLabel('From').selectOption('20251111152200');
    await page.getByLabel('To').selectOption('20260728223100');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/from=20251111152200&to=20260728223100/);
    await page.locator('#compare-output .d2h-wrapper').first().waitFor();
    expect(await page.locator('#compare-status').textContent()).toBe('Changes from 20251111152200 to 20260728223100.');
    const marked = await firstMarkedLinePair('#compare-output .diff');
    expect(marked.before).toBe('Updated: June 9, 2025');
    expect(marked.after).toBe('Updated: 25 March 2026');
    expect({ deleted: marked.deleted, inserted: marked.inserted }).toEqual({ deleted: ['June', '9,', '2025'], inserted: ['25', 'March', '2026'] });
    expect({ deleted: marked.deleted, inserted: marked.inserted }).toEqual(changedWords(marked.before, marked.after));
    expect(await page.locator('#compare-output').textContent()).not.toContain('sources:');
    await page.getByLabel('Inline').check();
    expect(await layout()).toEqual({ newSideOfChange: 'below', newSideOfContext: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('tells the reader when a version in the address does not exist', async () => {
    await page.goto(`${site.url}chatgpt/vulnerability-disclosure-policy/compare/?from=20251111152200&to=19990101000000`);
    await expect.poll(() => page.locator('#compare-status').textContent()).toBe(
      'This document has no version "19990101000000". Pick two versions from the lists.',
    );
  });
});
