import { describe, expect, it } from 'vitest';
import { findCspWeaknesses, readContentSecurityPolicy } from '../../../src/lib/check/csp';

const page = (policy: string) => `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body></body></html>`;
const STRICT =
  "default-src 'self';img-src 'self' data:;object-src 'none';base-uri 'self';frame-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-di3WxiBCQYduwOjugU/5jYTXdzWI1aMKIkw14fipbns=';";

describe('readContentSecurityPolicy', () => {
  it('reads the directives of the CSP meta of the head', () => {
    expect(readContentSecurityPolicy(page("default-src 'self'; img-src 'self' data:"))).toEqual(
      new Map([
        ['default-src', ["'self'"]],
        ['img-src', ["'self'", 'data:']],
      ]),
    );
  });

  it('finds no policy in a page without the meta, or with it only in the body', () => {
    expect(readContentSecurityPolicy('<html><head></head><body></body></html>')).toBe(null);
    expect(readContentSecurityPolicy(`<html><head></head><body><meta http-equiv="content-security-policy" content="default-src 'self'"></body></html>`)).toBe(null);
  });
});

describe('findCspWeaknesses', () => {
  it('accepts a policy of self, hashes and wasm only', () => {
    expect(findCspWeaknesses(readContentSecurityPolicy(page(STRICT)))).toEqual([]);
  });

  it('names every opening a weaker policy leaves', () => {
    expect(findCspWeaknesses(readContentSecurityPolicy(page("default-src *; script-src 'self' 'unsafe-inline' https://cdn.example")))).toEqual([
      "default-src is not 'self'",
      "script-src allows 'unsafe-inline'",
      'script-src allows https://cdn.example',
      "object-src is not 'none'",
      "frame-src is not 'none'",
      "base-uri is not 'self'",
    ]);
    expect(findCspWeaknesses(null)).toEqual(['no Content-Security-Policy meta in <head>']);
  });
});
