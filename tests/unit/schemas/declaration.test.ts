import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listPages, loadDeclarations, parseDeclaration, sourceDeclarationAt } from '../../../src/lib/schemas/declaration';

const VALID = {
  name: 'Claude.ai',
  homepage: 'https://claude.ai/',
  documents: {
    'privacy-policy': {
      type: 'Privacy Policy',
      pages: [{ url: 'https://www.anthropic.com/legal/privacy' }, { url: 'https://support.example/a', select: '.article', remove: ['.avatar'] }],
      select: 'main',
      remove: '.sr-only',
      history: [{ valid_until: '2026-07-09T19:07:00Z', url: 'https://old.example/privacy', select: { start_after: 'h1', end_before: 'footer' } }],
    },
  },
};

describe('parseDeclaration', () => {
  it('fills the defaults of a valid declaration', () => {
    const declaration = parseDeclaration(VALID, 'claude-ai/platform.yml', 'claude-ai');
    const document = declaration.documents['privacy-policy']!;
    expect([document.needs_browser, document.accept_language, document.shrink_threshold, document.noise]).toEqual([
      false,
      'en',
      0.5,
      { strip_query_params: [], drop_selectors: [], date_formats: false, link_rewrites: [] },
    ]);
  });

  it('names the file and the field of an invalid type', () => {
    const invalid = { ...VALID, documents: { 'privacy-policy': { ...VALID.documents['privacy-policy'], type: 'Privacy' } } };
    expect(() => parseDeclaration(invalid, 'content/platforms/claude-ai/platform.yml', 'claude-ai')).toThrow(
      'Invalid declaration content/platforms/claude-ai/platform.yml: field "documents.privacy-policy.type" is not an Open Terms Archive terms type (see @opentermsarchive/terms-types). Fix the file and run again.',
    );
  });

  it('rejects a document id that is not the slug of its type, and both url and pages', () => {
    const misnamed = { ...VALID, documents: { privacy: VALID.documents['privacy-policy'] } };
    expect(() => parseDeclaration(misnamed, 'p.yml', 'claude-ai')).toThrow('field "documents.privacy" must be named "privacy-policy"');
    const both = { ...VALID, documents: { 'privacy-policy': { ...VALID.documents['privacy-policy'], url: 'https://a.example/' } } };
    expect(() => parseDeclaration(both, 'p.yml', 'claude-ai')).toThrow('field "documents.privacy-policy.url" must have exactly one of "url" and "pages"');
  });

  it('rejects a reserved platform id', () => {
    expect(() => parseDeclaration(VALID, 'content/platforms/changes/platform.yml', 'changes')).toThrow(
      'Platform id "changes" in content/platforms/changes/platform.yml is a reserved URL segment of the site. Rename the directory.',
    );
  });
});

describe('sourceDeclarationAt and listPages', () => {
  const document = parseDeclaration(VALID, 'p.yml', 'claude-ai').documents['privacy-policy']!;

  it('uses the history entry valid at the capture time, else the current declaration', () => {
    expect(listPages(sourceDeclarationAt(document, new Date('2026-07-01T00:00:00Z')))).toEqual([
      { url: 'https://old.example/privacy', select: [{ start_after: 'h1', end_before: 'footer' }], remove: [], needsBrowser: false },
    ]);
    expect(listPages(sourceDeclarationAt(document, new Date('2026-07-10T00:00:00Z')))).toEqual([
      { url: 'https://www.anthropic.com/legal/privacy', select: ['main'], remove: ['.sr-only'], needsBrowser: false },
      { url: 'https://support.example/a', select: ['.article'], remove: ['.sr-only', '.avatar'], needsBrowser: false },
    ]);
  });
});

describe('loadDeclarations', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reads every platform.yml keyed by platform id and names the file of malformed YAML', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fineprint-decl-'));
    mkdirSync(path.join(dir, 'platforms/claude-ai'), { recursive: true });
    writeFileSync(path.join(dir, 'platforms/claude-ai/platform.yml'), JSON.stringify(VALID));
    const declarations = await loadDeclarations(dir);
    expect([...declarations.keys()]).toEqual(['claude-ai']);
    expect(declarations.get('claude-ai')!.name).toBe('Claude.ai');
    mkdirSync(path.join(dir, 'platforms/acme'));
    writeFileSync(path.join(dir, 'platforms/acme/platform.yml'), 'name: [unclosed');
    await expect(loadDeclarations(dir)).rejects.toThrow(`Malformed YAML in ${path.join(dir, 'platforms/acme/platform.yml')}`);
  });
});
