import { describe, expect, it } from 'vitest';
import { splitEventWindow } from '../../../src/lib/provisions/event-window';

/** Events named by their position, oldest first, as a provision history keeps them. */
const events = (count: number) => Array.from({ length: count }, (_, index) => `v${index + 1}`);

describe('splitEventWindow', () => {
  it('gives a diff to the newest 12 of 30 events and lists the 18 older ones, both newest first', () => {
    const window = splitEventWindow(events(30), 12);
    expect(window.diffed.map(({ event }) => event)).toEqual(['v30', 'v29', 'v28', 'v27', 'v26', 'v25', 'v24', 'v23', 'v22', 'v21', 'v20', 'v19']);
    expect(window.older).toEqual(['v18', 'v17', 'v16', 'v15', 'v14', 'v13', 'v12', 'v11', 'v10', 'v9', 'v8', 'v7', 'v6', 'v5', 'v4', 'v3', 'v2', 'v1']);
  });

  it('diffs the oldest shown event against the older event just before it, not against nothing', () => {
    const window = splitEventWindow(events(30), 12);
    expect(window.diffed.at(-1)).toEqual({ event: 'v19', previous: 'v18' });
  });

  it('diffs each shown event against the one before it', () => {
    expect(splitEventWindow(events(4), 3).diffed).toEqual([
      { event: 'v4', previous: 'v3' },
      { event: 'v3', previous: 'v2' },
      { event: 'v2', previous: 'v1' },
    ]);
  });

  it('gives every event a diff when there are fewer than the bound, the first one against nothing', () => {
    const window = splitEventWindow(events(5), 12);
    expect(window.diffed.map(({ event }) => event)).toEqual(['v5', 'v4', 'v3', 'v2', 'v1']);
    expect(window.diffed.at(-1)).toEqual({ event: 'v1', previous: null });
    expect(window.older).toEqual([]);
  });

  it('lists nothing as older when the events are exactly the bound', () => {
    const window = splitEventWindow(events(12), 12);
    expect(window.diffed.length).toBe(12);
    expect(window.diffed.at(-1)).toEqual({ event: 'v1', previous: null });
    expect(window.older).toEqual([]);
  });
});
