import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectCharset, networkErrorToCategory, parseRetryAfter, statusToCategory } from '../../../src/lib/tracker/fetch';

describe('fetch helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-09-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Sep 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('finds the charset in the header, then in a meta tag, else UTF-8', () => {
    expect(detectCharset('text/html; charset=ISO-8859-1', new Uint8Array())).toBe('iso-8859-1');
    expect(detectCharset('text/html', iconv.encode('<meta charset="windows-1252"><p>é</p>', 'latin1'))).toBe('windows-1252');
    expect(detectCharset('text/html', Buffer.from('<p>plain</p>'))).toBe('utf-8');
  });

  it('maps statuses and network errors to report categories', () => {
    expect([403, 404, 429, 500, 502, 410].map(statusToCategory)).toEqual(['http-403', 'http-404', 'http-429', 'http-5xx', 'http-5xx', 'http-4xx']);
    const withCode = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });
    expect(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'CERT_HAS_EXPIRED', 'EPROTO', 'ECONNRESET'].map((c) => networkErrorToCategory(withCode(c)))).toEqual([
      'dns', 'dns', 'connection-refused', 'tls', 'tls', 'connection-reset',
    ]);
  });
});
