import { describe, expect, it } from 'vitest';
import { parseDeclaration } from '../../../src/lib/schemas/declaration';
import { otaDeclarationSchema, otaHistorySchema, otaToDeclaration } from '../../../src/lib/tracker/ota-declaration';

describe('otaToDeclaration', () => {
  it('converts fetch, combine, range selectors, executeClientScripts, filters and history into a valid declaration', () => {
    const ota = otaDeclarationSchema.parse({
      name: 'Claude.ai',
      terms: {
        'Privacy Policy': {
          select: ['main'],
          combine: [{ fetch: 'https://www.anthropic.com/legal/privacy', filter: ['removeRedirectFromLinks'] }, { fetch: 'https://www.anthropic.com/legal/non-user-privacy-policy' }],
          executeClientScripts: true,
        },
        'Terms of Service': { fetch: 'https://cloud.example/terms', select: { startBefore: 'h1', endAfter: "[role='toolbar']" } },
      },
    });
    const history = otaHistorySchema.parse({ 'Terms of Service': [{ fetch: 'https://old.example/terms', select: ['div'], ValidUntil: '2026-07-09T19:07:00.000Z' }] });
    const data = otaToDeclaration(ota, history, { homepage: 'https://claude.ai/' });
    expect(data).toEqual({
      name: 'Claude.ai',
      homepage: 'https://claude.ai/',
      documents: {
        'privacy-policy': {
          type: 'Privacy Policy',
          pages: [{ url: 'https://www.anthropic.com/legal/privacy' }, { url: 'https://www.anthropic.com/legal/non-user-privacy-policy' }],
          select: 'main',
          needs_browser: true,
          noise: { date_formats: true, link_rewrites: [{ match: '^https://claude\\.ai/redirect/[^/]+/', replace: 'https://claude.ai/' }] },
        },
        'terms-of-service': {
          type: 'Terms of Service',
          url: 'https://cloud.example/terms',
          select: { start_before: 'h1', end_after: "[role='toolbar']" },
          noise: { date_formats: true, link_rewrites: [{ match: '^https://claude\\.ai/redirect/[^/]+/', replace: 'https://claude.ai/' }] },
          history: [{ valid_until: '2026-07-09T19:07:00.000Z', url: 'https://old.example/terms', select: 'div', noise: { date_formats: true, link_rewrites: [{ match: '^https://claude\\.ai/redirect/[^/]+/', replace: 'https://claude.ai/' }] } }],
        },
      },
    });
    expect(Object.keys(parseDeclaration(data, 'claude-ai/platform.yml', 'claude-ai').documents)).toEqual(['privacy-policy', 'terms-of-service']);
  });

  it('refuses a named filter it has no equivalent for', () => {
    const ota = otaDeclarationSchema.parse({ name: 'Acme', terms: { 'Terms of Service': { fetch: 'https://acme.example/', filter: ['removeEverything'] } } });
    expect(() => otaToDeclaration(ota, undefined)).toThrow(
      'OTA declaration "Acme", terms "Terms of Service" uses the filter(s) "removeEverything", which have no equivalent. Add a noise rule for them to the importer.',
    );
  });
});
