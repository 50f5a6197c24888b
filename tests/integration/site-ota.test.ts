import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site';
import { makeFixtureArchive } from '../helpers/fixture-archive';
import type { TestRepo } from '../helpers/test-repo';

let repo: TestRepo;
let out: string;

beforeAll(() => {
  repo = makeFixtureArchive('ota');
  out = mkdtempSync(join(tmpdir(), 'fineprint-ota-site-'));
  buildSite({ archive: repo.dir, outDir: join(out, 'dist') });
});
afterAll(() => {
  repo?.remove();
  rmSync(out, { recursive: true, force: true });
});

describe('the site built directly from an Open Terms Archive versions repository', () => {
  it('publishes each service and type under slugged ids with the names of the repository', () => {
    const $ = cheerio.load(readFileSync(join(out, 'dist/claude-ai/law-enforcement-guidelines/index.html'), 'utf8'));
    expect($('.eyebrow a').text()).toBe('Claude.ai');
    expect($('h1').first().text()).toBe('Law Enforcement Guidelines');
    expect($('ol.history li')).toHaveLength(3);
  });

  it('reads the kind of each version from the Open Terms Archive commit subjects', () => {
    const data = JSON.parse(readFileSync(join(out, 'dist/api/documents/grok/brand-guidelines.json'), 'utf8'));
    expect(data.versions.map((v: { recorded_as: string }) => v.recorded_as)).toEqual(['first', 'change', 'change', 'technical']);
  });

  it('publishes the raw text without front matter, as the repository holds it', () => {
    const raw = readFileSync(join(out, 'dist/chatgpt/vulnerability-disclosure-policy/20251111152200.md'), 'utf8');
    expect(raw.startsWith('---')).toBe(false);
    expect(raw).toBe(repo.git('show', `HEAD~10:ChatGPT/Vulnerability Disclosure Policy.md`));
  });
});
