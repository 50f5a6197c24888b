/** Something on a topic that belongs to a platform: a provision, as pages link it. */
export interface OnPlatform {
  platform: string;
}

/** A topic's items cut down to what "how other platforms handle this" can show: the first item of each platform, up to `limit` + 1 platforms, and every platform. */
export interface PlatformSample<T extends OnPlatform> {
  first: T[];
  platforms: Set<string>;
}

/** The first item of each platform (one more than `limit`, so one can be left out) and the set of all platforms, in one pass. */
export function samplePlatforms<T extends OnPlatform>(items: Iterable<T>, limit: number): PlatformSample<T> {
  const first: T[] = [];
  const platforms = new Set<string>();
  for (const item of items) {
    if (platforms.has(item.platform)) continue;
    platforms.add(item.platform);
    if (first.length <= limit) first.push(item);
  }
  return { first, platforms };
}

/** The items of up to `limit` platforms other than `platform`, and how many other platforms there are beyond them. */
export function otherPlatformsOf<T extends OnPlatform>(sample: PlatformSample<T>, platform: string, limit: number): { items: T[]; more: number } {
  const items = sample.first.filter((item) => item.platform !== platform).slice(0, limit);
  const others = sample.platforms.size - (sample.platforms.has(platform) ? 1 : 0);
  return { items, more: others - items.length };
}
