import { describe, expect, it } from 'vitest';
import type { DerivedDocument } from '../../../src/lib/archive/index-archive';
import { shareRepeatedValues } from '../../../src/lib/archive/share-repeated';

const anchor = (id: string, line: number) => ({ id, heading: `Heading of ${id}`, line });
const change = (id: string) => ({
  kind: 'substantive' as const,
  rules: [],
  provisionsAdded: [],
  provisionsRemoved: [],
  provisionsModified: [{ id, heading: `Heading of ${id}` }],
  wordsAdded: 1,
  wordsRemoved: 0,
  statedDateBefore: null,
  statedDateAfter: null,
  silentEdit: false,
});
const version = (provisions: ReturnType<typeof anchor>[], modified: string | null) => ({
  sha256: 'a'.repeat(64),
  bytes: 10,
  bodyStartLine: 0,
  statedDate: null,
  provisions,
  change: modified ? change(modified) : null,
});

// As JSON.parse gives it back from the cache: every version with its own copies.
const derivedFromJson = (): DerivedDocument =>
  JSON.parse(
    JSON.stringify({
      versions: [version([anchor('preamble', 0), anchor('use-of-data', 4)], null), version([anchor('preamble', 0), anchor('use-of-data', 6)], 'preamble')],
      provisions: [
        {
          id: 'preamble',
          heading: 'Heading of preamble',
          text: 'We care.',
          events: [
            { version: '20260101000000', event: 'added', heading: 'Heading of preamble', textId: 'b'.repeat(64) },
            { version: '20260201000000', event: 'modified', heading: 'Heading of preamble', textId: 'c'.repeat(64) },
          ],
        },
      ],
      platformName: null,
      type: null,
      sources: [],
    }),
  );

describe('sharing the repeated values of a derived document', () => {
  it('keeps every value and makes equal anchors one object', () => {
    const derived = shareRepeatedValues(derivedFromJson());
    expect(derived).toEqual(derivedFromJson());
    const [first, second] = derived.versions;
    expect(first!.provisions[0]).toBe(second!.provisions[0]);
    // The same provision on another line is another anchor.
    expect(first!.provisions[1]).not.toBe(second!.provisions[1]);
    expect(first!.provisions[1]!.heading).toEqual(second!.provisions[1]!.heading);
  });
});
