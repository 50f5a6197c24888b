import { describe, expect, it } from 'vitest';
import { generateSyntheticArchive } from '../../../src/lib/bench/synthetic';
import { seededRandom } from '../../../src/lib/random';

describe('generateSyntheticArchive', () => {
  it('gives the same archive for the same seed', () => {
    const a = [...generateSyntheticArchive(100, 7)].map((v) => v.text);
    const b = [...generateSyntheticArchive(100, 7)].map((v) => v.text);
    expect(a).toEqual(b);
    expect([...generateSyntheticArchive(100, 8)].map((v) => v.text)).not.toEqual(a);
  });

  it('spreads versions over about one document per 48 versions, each first recorded once', () => {
    const versions = [...generateSyntheticArchive(480)];
    const paths = new Set(versions.map((v) => v.path));
    expect(paths.size).toBe(10);
    expect(versions.filter((v) => v.subject.startsWith('First record of')).length).toBe(10);
    expect(versions[0]!.path).toBe('Service 0001/Terms of Service.md');
  });

  it('records versions an hour apart, oldest first', () => {
    const [first, second] = generateSyntheticArchive(2);
    expect(second!.date.getTime() - first!.date.getTime()).toBe(3_600_000);
  });

  it('draws numbers in [0, 1) from the seeded generator', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 1000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(seededRandom(1)()).toBe(draws[0]);
  });
});
