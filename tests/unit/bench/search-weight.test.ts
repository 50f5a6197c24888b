import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  formatFileTable,
  formatSummaryTable,
  isCompressedInTransit,
  searchFileKind,
  sumSearchWeight,
  weighFile,
} from '../../../src/lib/bench/search-weight';

const origin = 'http://127.0.0.1:4321';

describe('weighing what a search fetched', () => {
  it('sorts files into page, styles, scripts and the kinds of Pagefind file', () => {
    expect(searchFileKind(`${origin}/search/?q=a`, 'text/html; charset=utf-8')).toBe('page');
    expect(searchFileKind(`${origin}/_astro/a.css`, 'text/css; charset=utf-8')).toBe('styles');
    expect(searchFileKind(`${origin}/pagefind/pagefind.js`, 'text/javascript; charset=utf-8')).toBe('scripts');
    expect(searchFileKind(`${origin}/pagefind/pagefind-entry.json?ts=1`, 'application/json')).toBe('search metadata');
    expect(searchFileKind(`${origin}/pagefind/pagefind.en_245bf214e7.pf_meta`, 'application/octet-stream')).toBe('search metadata');
    expect(searchFileKind(`${origin}/pagefind/wasm.en.pagefind`, 'application/octet-stream')).toBe('search wasm');
    expect(searchFileKind(`${origin}/pagefind/index/en_1.pf_index`, 'application/octet-stream')).toBe('search index');
    expect(searchFileKind(`${origin}/pagefind/filter/en_1.pf_filter`, 'application/octet-stream')).toBe('search filters');
    expect(searchFileKind(`${origin}/pagefind/fragment/en_1.pf_fragment`, 'application/octet-stream')).toBe('search fragments');
    expect(searchFileKind(`${origin}/favicon.svg`, 'image/svg+xml')).toBe('other');
  });

  it('gzips text as a static host does and sends Pagefind’s own gzip files as they are', () => {
    expect(['text/html; charset=utf-8', 'text/javascript', 'application/json', 'image/svg+xml'].map(isCompressedInTransit)).toEqual([true, true, true, true]);
    expect(['application/octet-stream', 'application/wasm', 'image/png'].map(isCompressedInTransit)).toEqual([false, false, false]);
    const text = Buffer.from('search '.repeat(1000));
    expect(weighFile({ url: `${origin}/a.js`, contentType: 'text/javascript', body: text })).toEqual({
      url: `${origin}/a.js`,
      kind: 'scripts',
      raw: 7000,
      sent: gzipSync(text, { level: 6 }).byteLength,
    });
    expect(weighFile({ url: `${origin}/pagefind/index/en_1.pf_index`, contentType: 'application/octet-stream', body: text }).sent).toBe(7000);
  });

  it('prints one row per query with the bytes sent per kind, the totals and the verdict against the budget', () => {
    const weight = sumSearchWeight('arbitration', [
      { url: `${origin}/search/?q=arbitration`, kind: 'page', raw: 4000, sent: 1700 },
      { url: `${origin}/pagefind/wasm.en.pagefind`, kind: 'search wasm', raw: 59_800, sent: 59_800 },
      { url: `${origin}/pagefind/index/en_1.pf_index`, kind: 'search index', raw: 100_000, sent: 100_000 },
    ]);
    expect(formatSummaryTable([weight])).toBe(
      [
        '| query | page | search wasm | search index | total stored | total sent | budget 150.0 kB |',
        '|---|---:|---:|---:|---:|---:|---|',
        '| arbitration | 1.7 kB | 59.8 kB | 100.0 kB | 163.8 kB | **161.5 kB** | over |',
      ].join('\n'),
    );
    expect(formatFileTable(weight, origin).split('\n').slice(2)).toEqual([
      '| /search/?q=arbitration | page | 4.0 kB | 1.7 kB |',
      '| /pagefind/wasm.en.pagefind | search wasm | 59.8 kB | 59.8 kB |',
      '| /pagefind/index/en_1.pf_index | search index | 100.0 kB | 100.0 kB |',
      '| **total** | | **163.8 kB** | **161.5 kB** |',
    ]);
  });
});
