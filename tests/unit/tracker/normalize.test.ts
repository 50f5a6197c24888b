import { describe, expect, it } from 'vitest';
import { cleanUrl, decodeCloudflareEmail, normalizeDates, normalizeMarkdown } from '../../../src/lib/tracker/normalize';

const NO_RULES = { stripParams: [], rewrites: [] };

describe('cleanUrl', () => {
  it('makes links absolute and strips the default and declared tracking parameters', () => {
    expect(cleanUrl('/terms?utm_source=x&lang=en&openaicom-did=abc', 'https://openai.com/policies/', { stripParams: ['openaicom-did'], rewrites: [] })).toBe(
      'https://openai.com/terms?lang=en',
    );
  });

  it('unwraps a redirect link with a declared rewrite', () => {
    const rules = { stripParams: [], rewrites: [{ match: '^https://claude\\.ai/redirect/[^/]+/', replace: 'https://claude.ai/' }] };
    expect(cleanUrl('https://claude.ai/redirect/website.v1.6bcffbef-80f2/new#settings', 'https://www.anthropic.com/', rules)).toBe('https://claude.ai/new#settings');
  });

  it('turns a Cloudflare e-mail protection link into a mailto link and drops javascript: links', () => {
    expect(cleanUrl('/cdn-cgi/l/email-protection#0f6e6b6266614f6a776e627f636a216c6062', 'https://example.com/', NO_RULES)).toBe('mailto:admin@example.com');
    expect(cleanUrl('javascript:alert(1)', 'https://example.com/', NO_RULES)).toBeUndefined();
  });
});

describe('decodeCloudflareEmail', () => {
  it('decodes the XOR-encoded address and rejects malformed input', () => {
    expect(decodeCloudflareEmail('0f6e6b6266614f6a776e627f636a216c6062')).toBe('admin@example.com');
    expect(decodeCloudflareEmail('zz')).toBeUndefined();
  });
});

describe('normalizeDates', () => {
  it('writes month-first and ordinal dates as "8 July 2026"', () => {
    expect(normalizeDates('Effective July 8, 2026; updated 8th Jul 2026; was 8 July 2026.')).toBe(
      'Effective 8 July 2026; updated 8 July 2026; was 8 July 2026.',
    );
  });
});

describe('normalizeMarkdown', () => {
  it('normalises Unicode, spaces, line ends, list markers and blank lines', () => {
    expect(normalizeMarkdown('Cafe\u0301\u00a0terms \r\n\r\n\r\n- one\n+ two\u200b\n', { dateFormats: false })).toBe('Café terms\n\n* one\n* two\n');
  });

  it('gives an empty string for whitespace only', () => {
    expect(normalizeMarkdown(' \n\n ', { dateFormats: false })).toBe('');
  });
});
