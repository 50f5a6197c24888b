import { describe, expect, it } from 'vitest';
import { otherPlatformsOf, samplePlatforms } from '../../../src/lib/topics/other-platforms';

const on = (platform: string, id: string) => ({ platform, id });
const items = [on('a', 'a1'), on('a', 'a2'), on('b', 'b1'), on('c', 'c1'), on('b', 'b2'), on('d', 'd1'), on('e', 'e1')];

describe('other platforms on a topic', () => {
  it('keeps the first item of each platform, one more than the limit, and counts every platform', () => {
    const sample = samplePlatforms(items, 2);
    expect(sample.first.map((item) => item.id)).toEqual(['a1', 'b1', 'c1']);
    expect([...sample.platforms]).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('leaves out the page’s own platform and says how many other platforms are not shown', () => {
    const sample = samplePlatforms(items, 2);
    expect(otherPlatformsOf(sample, 'b', 2)).toEqual({ items: [on('a', 'a1'), on('c', 'c1')], more: 2 });
    expect(otherPlatformsOf(sample, 'z', 2)).toEqual({ items: [on('a', 'a1'), on('b', 'b1')], more: 3 });
    expect(otherPlatformsOf(samplePlatforms([on('a', 'a1')], 2), 'a', 2)).toEqual({ items: [], more: 0 });
  });
});
