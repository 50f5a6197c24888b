import { describe, expect, it } from 'vitest';
import { findUnresolvedPermalinks, manifestUrls, parsePermalinkManifest, type PermalinkManifest } from '../../../src/lib/check/permalinks';

const MANIFEST: PermalinkManifest = {
  site: 'https://archive.example',
  base: '/fineprint/',
  versions: ['https://archive.example/fineprint/grok/brand-guidelines/20251111153253/'],
  raw: ['https://archive.example/fineprint/grok/brand-guidelines/20251111153253.md'],
  changes: ['https://archive.example/fineprint/grok/brand-guidelines/20251111153253/changes/'],
  provisions: ['https://archive.example/fineprint/grok/brand-guidelines/provisions/do%C3%A9/'],
};
const FILES = [
  'grok/brand-guidelines/20251111153253/index.html',
  'grok/brand-guidelines/20251111153253.md',
  'grok/brand-guidelines/20251111153253/changes/index.html',
  'grok/brand-guidelines/provisions/doé/index.html',
];

describe('parsePermalinkManifest', () => {
  it('reads a manifest and lists its URLs by kind', () => {
    expect(manifestUrls(parsePermalinkManifest(JSON.stringify(MANIFEST), 'old.json'))).toEqual([
      ...MANIFEST.versions,
      ...MANIFEST.raw,
      ...MANIFEST.changes,
      ...MANIFEST.provisions,
    ]);
  });

  it('names the source and the field of an invalid manifest', () => {
    expect(() => parsePermalinkManifest('{', 'old.json')).toThrow(/^The permalink manifest old.json is not JSON/);
    expect(() => parsePermalinkManifest(JSON.stringify({ ...MANIFEST, raw: ['nope'] }), 'old.json')).toThrow(
      'The permalink manifest old.json is invalid at "raw.0": Invalid URL.',
    );
  });
});

describe('findUnresolvedPermalinks', () => {
  it('finds nothing when the new build serves every old URL, even under another base', () => {
    expect(findUnresolvedPermalinks(MANIFEST, new Set(FILES), '/fineprint/')).toEqual([]);
    expect(findUnresolvedPermalinks(MANIFEST, new Set(FILES), '/')).toEqual([]);
  });

  it('lists every old URL the new build lost', () => {
    expect(findUnresolvedPermalinks(MANIFEST, new Set(FILES.slice(0, 2)), '/fineprint/')).toEqual([...MANIFEST.changes, ...MANIFEST.provisions]);
  });

  it('counts a URL outside the old deployment as unresolved', () => {
    const outside = { ...MANIFEST, versions: ['https://elsewhere.example/fineprint/grok/brand-guidelines/20251111153253/'] };
    expect(findUnresolvedPermalinks(outside, new Set(FILES), '/fineprint/')).toEqual(outside.versions);
  });
});
