/** A shown event with the one before it, whose text is the "before" side of its diff (null for the first event). */
export interface DiffedEvent<T> {
  event: T;
  previous: T | null;
}

/** A provision's events as its history page shows them: the newest with a diff, the older ones listed only. */
export interface EventWindow<T> {
  /** The newest `shown` events, newest first, each with its predecessor. */
  diffed: DiffedEvent<T>[];
  /** The events before those, newest first: listed without a diff. */
  older: T[];
}

/**
 * Splits a provision's events (oldest first, as its history keeps them) into the newest `shown`, which
 * get a diff, and the older rest, so a history page stays the same size however often the provision
 * changed; only the shown events and the one just before them need their texts.
 */
export function splitEventWindow<T>(events: readonly T[], shown: number): EventWindow<T> {
  const firstShown = Math.max(0, events.length - shown);
  return {
    diffed: events
      .slice(firstShown)
      .map((event, offset) => ({ event, previous: events[firstShown + offset - 1] ?? null }))
      .reverse(),
    older: events.slice(0, firstShown).reverse(),
  };
}
