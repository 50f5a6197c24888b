import { describe, expect, it } from 'vitest';
import type { ChangeSummary } from '../../../src/lib/diff/summary';
import { FineprintError } from '../../../src/lib/errors';
import { changeToFeedItem, selectFeedItems, type FeedChange } from '../../../src/lib/feeds/items';

const summary: ChangeSummary = {
  kind: 'substantive',
  rules: [],
  provisionsAdded: [],
  provisionsRemoved: [],
  provisionsModified: [{ id: 'training', heading: 'How we use <your> data' }],
  wordsAdded: 140,
  wordsRemoved: 12,
  statedDateBefore: { label: 'effective', date: '2026-07-08', text: 'Effective 8 July 2026' },
  statedDateAfter: { label: 'effective', date: '2026-08-17', text: 'Effective August 17, 2026' },
  silentEdit: false,
};

const change = (version: string, capturedAt: string, kind: ChangeSummary['kind'] = 'substantive'): FeedChange => ({
  platform: 'claude-ai',
  platformName: 'Claude.ai',
  document: 'privacy-policy',
  documentType: 'Privacy Policy',
  version,
  capturedAt: new Date(capturedAt),
  summary: { ...summary, kind },
});

describe('feed items', () => {
  it('builds an item linking to the diff page with the version permalink as GUID', () => {
    expect(
      changeToFeedItem(change('20260817223133', '2026-08-17T22:31:33Z'), {
        site: 'https://fineprint.example',
        base: '/archive/',
      }),
    ).toEqual({
      title: 'Claude.ai · Privacy Policy changed',
      link: 'https://fineprint.example/archive/claude-ai/privacy-policy/20260817223133/changes/',
      guid: 'https://fineprint.example/archive/claude-ai/privacy-policy/20260817223133/',
      pubDate: new Date('2026-08-17T22:31:33Z'),
      description:
        '<p>1 section modified, 140 words added, 12 removed.</p><ul><li>Modified: How we use &#60;your&#62; data</li></ul>' +
        '<p>Stated date: Effective 8 July 2026 → Effective August 17, 2026</p>',
      categories: ['Claude.ai', 'Privacy Policy'],
    });
  });

  it('selects substantive changes only, newest first, at most the limit', () => {
    const changes = [
      change('20260101000000', '2026-01-01T00:00:00Z'),
      change('20260301000000', '2026-03-01T00:00:00Z', 'cosmetic'),
      change('20260201000000', '2026-02-01T00:00:00Z'),
      change('20260201000000-2', '2026-02-01T00:00:00Z'),
      change('20260401000000', '2026-04-01T00:00:00Z', 'technical'),
    ];
    expect(selectFeedItems(changes, 2).map((c) => c.version)).toEqual(['20260201000000-2', '20260201000000']);
    expect(selectFeedItems(changes, 50).map((c) => c.version)).toEqual([
      '20260201000000-2',
      '20260201000000',
      '20260101000000',
    ]);
  });

  it('rejects a limit that is not a positive whole number', () => {
    expect(() => selectFeedItems([], 0)).toThrow(FineprintError);
    expect(() => selectFeedItems([], 2.5)).toThrow('Feed item limit 2.5 is not a positive whole number: set it to 1 or more.');
  });
});

describe('feedItemToRssItem', () => {
  it('keeps the version permalink as the GUID, escaped, instead of the link', async () => {
    const { feedItemToRssItem } = await import('../../../src/lib/feeds/items');
    const item = feedItemToRssItem({
      title: 'Claude.ai · Privacy Policy changed',
      link: 'https://archive.example/claude-ai/privacy-policy/20260708103115/changes/',
      guid: 'https://archive.example/claude-ai/privacy-policy/20260708103115/?a=1&b=2',
      pubDate: new Date('2026-07-08T10:31:15Z'),
      description: '<p>1 section modified.</p>',
      categories: ['Claude.ai', 'Privacy Policy'],
    });
    expect(item.customData).toBe('<guid isPermaLink="true">https://archive.example/claude-ai/privacy-policy/20260708103115/?a=1&amp;b=2</guid>');
    expect(item.link).toBe('https://archive.example/claude-ai/privacy-policy/20260708103115/changes/');
  });
});
