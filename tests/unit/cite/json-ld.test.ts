import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { jsonLdToScriptText, versionToJsonLd } from '../../../src/lib/cite/json-ld';
import { HOSTILE_PLATFORM, SHA, SITE, makeVersion } from './fixture';

const permalink = `${SITE}/claude-ai/privacy-policy/20260708103115/`;

describe('versionToJsonLd', () => {
  it('describes the version as a DigitalDocument of the document, based on its source pages', () => {
    const claude = { '@type': 'Organization', name: 'Claude.ai' };
    expect(versionToJsonLd(makeVersion())).toEqual({
      '@context': 'https://schema.org',
      '@type': 'DigitalDocument',
      '@id': permalink,
      url: permalink,
      name: 'Privacy Policy',
      version: '20260708103115',
      dateCreated: '2026-07-08T10:31:15Z',
      identifier: { '@type': 'PropertyValue', propertyID: 'sha256', value: SHA },
      encoding: {
        '@type': 'MediaObject',
        contentUrl: `${SITE}/claude-ai/privacy-policy/20260708103115.md`,
        encodingFormat: 'text/markdown',
        sha256: SHA,
      },
      author: claude,
      publisher: { '@type': 'Organization', name: 'Fineprint archive' },
      isPartOf: {
        '@type': 'DigitalDocument',
        '@id': `${SITE}/claude-ai/privacy-policy/`,
        url: `${SITE}/claude-ai/privacy-policy/`,
        name: 'Privacy Policy',
        author: claude,
      },
      isBasedOn: ['https://www.anthropic.com/legal/privacy'],
    });
  });

  it('leaves isBasedOn out when no source URL is known', () => {
    expect(versionToJsonLd(makeVersion({ sourceUrls: [] }))).not.toHaveProperty('isBasedOn');
  });
});

describe('jsonLdToScriptText', () => {
  it('escapes <, >, & and the line separators as JSON unicode escapes', () => {
    expect(jsonLdToScriptText({ name: '</script>&\u2028\u2029' })).toBe(
      '{"name":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}',
    );
  });

  it('cannot be closed by a hostile name once inlined in a page, and parses back to the same object', () => {
    const jsonLd = versionToJsonLd(makeVersion({ platformName: `${HOSTILE_PLATFORM}<!--<script>` }));
    const html = `<!doctype html><head><script type="application/ld+json">${jsonLdToScriptText(jsonLd)}</script></head><body><p>after</p></body>`;
    const $ = cheerio.load(html);
    expect($('script')).toHaveLength(1);
    expect($('body').text()).toBe('after');
    expect(JSON.parse($('script').text())).toEqual(jsonLd);
  });
});
