import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKey, createDiskCache } from '../../../src/lib/cache/disk-cache';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createDiskCache', () => {
  it('computes a value once and reads it back from disk afterwards', () => {
    dir = mkdtempSync(join(tmpdir(), 'fineprint-disk-cache-'));
    const key = cacheKey('version-html', 1, 'a'.repeat(40));
    let computed = 0;
    const compute = () => (computed++, '<p>Text</p>');
    expect(createDiskCache(dir).remember(key, compute)).toBe('<p>Text</p>');
    expect(createDiskCache(dir).remember(key, compute)).toBe('<p>Text</p>');
    expect(computed).toBe(1);
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([key]);
  });

  it('misses on a key it never stored', () => {
    dir = mkdtempSync(join(tmpdir(), 'fineprint-disk-cache-'));
    expect(createDiskCache(dir).get(cacheKey('nothing'))).toBeNull();
  });

  it('gives different keys for different parts, and the same key for the same parts', () => {
    expect(cacheKey('a', 1)).toBe(cacheKey('a', 1));
    expect(cacheKey('a', 1)).not.toBe(cacheKey('a', 2));
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
  });
});
