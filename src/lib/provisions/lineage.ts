import { LRUCache } from 'lru-cache';
import { headingToSlug, normalizeHeading, uniqueSlug } from './heading';
import { splitProvisions, type Provision } from './split';

/** A provision with the id it keeps across versions while it is recognisably the same clause. */
export type IdentifiedProvision = Provision & { id: string };

/** What happened to a provision in one version. */
export type ProvisionEventKind = 'added' | 'modified' | 'removed' | 'renamed';

/** One version in which a provision changed; `text` is its text in that version ('' when removed). */
export interface ProvisionEvent {
  version: string;
  event: ProvisionEventKind;
  heading: string;
  text: string;
}

/** A provision through all versions of a document. */
export interface ProvisionHistory {
  id: string;
  /** Its latest heading (the last one it had, if it was removed). */
  heading: string;
  /** Its text in the latest version, or null when it was removed. */
  text: string | null;
  /** Versions in which it changed, oldest first; diff an event's text with the previous event's text. */
  events: ProvisionEvent[];
}

/** The lineage of one document: every provision it ever had, and the ids of each version's provisions in order. */
export interface DocumentProvisions {
  /** Every provision ever seen, in order of first appearance. */
  provisions: ProvisionHistory[];
  /** For each version, the ids of `splitProvisions(text)` in the same order. */
  versions: { version: string; ids: string[] }[];
}

/**
 * Similarity rule for renamed headings: two provisions whose normalised headings differ are the same
 * clause when the Jaccard index of their bodies' word 3-shingles is at least 0.6 (60% of the distinct
 * three-word runs are shared). Only provisions left unmatched by heading are compared, so a version with
 * few renames costs little more than a hash lookup per provision.
 */
export const RENAME_SIMILARITY = 0.6;

const SHINGLE_SIZE = 3;

const PREAMBLE_ID = 'preamble';

/** What the versions before `previous` leave behind for the id assignment. */
export interface EarlierHistory {
  /** Every id used in any earlier version. */
  usedIds: ReadonlySet<string>;
  /** Normalised heading → id of provisions that were removed and have not come back. */
  removed: ReadonlyMap<string, string>;
  /** The suffix each slug's next new id tries first (see `uniqueSlug`); kept from version to version, since used ids only grow. */
  nextSuffix?: Map<string, number>;
  /** The word 3-shingles of bodies compared lately, kept since a history that goes back and forth compares the same bodies again. */
  recentShingles?: LRUCache<string, Set<string>, void>;
}

/**
 * Gives each provision of `current` an id: the id of the provision of `previous` with the same
 * normalised heading (repeated headings pair up in order), else of the unmatched one whose body is at
 * least RENAME_SIMILARITY alike (best pairs first), else the id of a removed provision with the same
 * normalised heading, else a new id: the heading's slug, with -2, -3, … when it is taken in this version
 * or was used in an earlier one, so an id never comes back to mean another clause. The preamble (text
 * before the first heading) is always `preamble`.
 */
export function assignProvisionIds(
  previous: IdentifiedProvision[] | null,
  current: Provision[],
  earlierHistory: EarlierHistory = { usedIds: new Set(previous?.map((provision) => provision.id)), removed: new Map() },
): IdentifiedProvision[] {
  const { usedIds, removed, nextSuffix, recentShingles } = earlierHistory;
  const shinglesOf = (text: string) => recentShingles?.memo(text) ?? shingles(text);
  const ids: (string | undefined)[] = new Array(current.length);
  const earlier = previous ?? [];
  const matchedEarlier = new Set<number>();

  // 1. Same normalised heading.
  const byHeading = new Map<string, number[]>();
  earlier.forEach((provision, index) => {
    const key = headingKey(provision);
    const indices = byHeading.get(key);
    if (indices) indices.push(index);
    else byHeading.set(key, [index]);
  });
  // How many of each heading's earlier provisions are paired already: taken in order, never shifted.
  const pairedOfHeading = new Map<string, number>();
  current.forEach((provision, index) => {
    const key = headingKey(provision);
    const paired = pairedOfHeading.get(key) ?? 0;
    const match = byHeading.get(key)?.[paired];
    if (match === undefined) return;
    pairedOfHeading.set(key, paired + 1);
    ids[index] = earlier[match]!.id;
    matchedEarlier.add(match);
  });

  // 2. Renamed heading, body still mostly the same.
  // The preamble is never paired with a heading: it has its own id.
  const leftEarlier = earlier.map((_, index) => index).filter((i) => !matchedEarlier.has(i) && earlier[i]!.level > 0);
  const leftCurrent = current.map((_, index) => index).filter((i) => ids[i] === undefined && current[i]!.level > 0);
  if (leftEarlier.length && leftCurrent.length) {
    const earlierShingles = leftEarlier.map((index) => shinglesOf(earlier[index]!.body));
    const pairs: { similarity: number; earlier: number; current: number }[] = [];
    for (const currentIndex of leftCurrent) {
      const own = shinglesOf(current[currentIndex]!.body);
      leftEarlier.forEach((earlierIndex, k) => {
        const similarity = jaccard(own, earlierShingles[k]!);
        if (similarity >= RENAME_SIMILARITY) pairs.push({ similarity, earlier: earlierIndex, current: currentIndex });
      });
    }
    pairs.sort((a, b) => b.similarity - a.similarity || a.current - b.current);
    for (const pair of pairs) {
      if (matchedEarlier.has(pair.earlier) || ids[pair.current] !== undefined) continue;
      ids[pair.current] = earlier[pair.earlier]!.id;
      matchedEarlier.add(pair.earlier);
    }
  }

  // 3. A clause that comes back under the heading it had when it was removed (a page that failed to
  // load for one version) takes its id back.
  const assigned = new Set(ids.filter((id): id is string => id !== undefined));
  current.forEach((provision, index) => {
    const revived = ids[index] === undefined ? removed.get(headingKey(provision)) : undefined;
    if (revived !== undefined && !assigned.has(revived)) {
      ids[index] = revived;
      assigned.add(revived);
    }
  });

  // 4. New clauses.
  // `preamble` is reserved so that a heading named "Preamble" never takes the preamble's id.
  const taken = { has: (id: string) => id === PREAMBLE_ID || usedIds.has(id) || assigned.has(id) };
  return current.map((provision, index) => {
    let id = ids[index];
    if (id === undefined && provision.level === 0) {
      // A version has at most one preamble, and it is always the document's preamble.
      id = PREAMBLE_ID;
    } else if (id === undefined) {
      id = uniqueSlug(headingToSlug(provision.heading), taken, nextSuffix);
      assigned.add(id);
    }
    return { ...provision, id };
  });
}

/**
 * Follows every provision through a document's versions, added one at a time, oldest first: each
 * version is split once and compared only with its predecessor, so the work grows linearly with the
 * number of versions, and a caller can read the versions as it goes.
 */
export interface ProvisionTracker {
  /** Splits the next version and returns its identified provisions, for callers that derive more from them without splitting again. */
  add(version: string, text: string): IdentifiedProvision[];
  /** The histories and the ids of the versions added so far. */
  result(): DocumentProvisions;
}

// Most texts that come back in a history come back within a few versions: a page that alternates
// between two variants (in contrib, 12,872 of 42,632 versions repeat the text of two versions before).
const RECENT_TEXTS = 16;
// Shingle sets kept, counted by the characters of their bodies: a few megabytes of memory.
const RECENT_BODY_CHARACTERS = 4_000_000;

export function createProvisionTracker(): ProvisionTracker {
  const histories = new Map<string, ProvisionHistory>();
  const usedIds = new Set<string>();
  const removedIds = new Map<string, string>();
  const nextSuffix = new Map<string, number>();
  const recentSplits = new LRUCache<string, Provision[], void>({ max: RECENT_TEXTS, memoMethod: splitProvisions });
  const recentShingles = new LRUCache<string, Set<string>, void>({
    maxSize: RECENT_BODY_CHARACTERS,
    sizeCalculation: (_, body) => body.length + 1,
    memoMethod: shingles,
  });
  const ids: DocumentProvisions['versions'] = [];
  let previous: IdentifiedProvision[] | null = null;
  return {
    add(version, text) {
      const current = assignProvisionIds(previous, recentSplits.memo(text), { usedIds, removed: removedIds, nextSuffix, recentShingles });
      const before = new Map((previous ?? []).map((provision) => [provision.id, provision]));
      for (const provision of current) {
        usedIds.add(provision.id);
        if (removedIds.get(headingKey(provision)) === provision.id) removedIds.delete(headingKey(provision));
        const old = before.get(provision.id);
        before.delete(provision.id);
        const event = changeOf(old, provision);
        if (!event) {
          Object.assign(histories.get(provision.id)!, { heading: provision.heading, text: provision.text });
          continue;
        }
        const history = histories.get(provision.id) ?? { id: provision.id, heading: '', text: null, events: [] };
        history.heading = provision.heading;
        history.text = provision.text;
        history.events.push({ version, event, heading: provision.heading, text: provision.text });
        histories.set(provision.id, history);
      }
      for (const removed of before.values()) {
        removedIds.set(headingKey(removed), removed.id);
        const history = histories.get(removed.id)!;
        history.text = null;
        history.events.push({ version, event: 'removed', heading: removed.heading, text: '' });
      }
      ids.push({ version, ids: current.map((provision) => provision.id) });
      previous = current;
      return current;
    },
    result: () => ({ provisions: [...histories.values()], versions: ids }),
  };
}

/**
 * The event a provision's new state makes: none when only its numbering ("9." → "10."), the Markdown
 * around its heading or the blank lines around it changed.
 */
function changeOf(old: Provision | undefined, now: Provision): ProvisionEventKind | undefined {
  if (!old) return 'added';
  if (headingKey(old) !== headingKey(now)) return 'renamed';
  return old.body === now.body ? undefined : 'modified';
}

function headingKey(provision: Provision): string {
  return provision.level === 0 ? '\u0000preamble' : normalizeHeading(provision.heading);
}

/** The distinct runs of SHINGLE_SIZE words of a text (fewer words: the text as one run). */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const runs = new Set<string>();
  if (words.length === 0) return runs;
  if (words.length < SHINGLE_SIZE) return runs.add(words.join(' '));
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) runs.add(words.slice(i, i + SHINGLE_SIZE).join(' '));
  return runs;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const run of small) if (large.has(run)) shared++;
  return shared / (a.size + b.size - shared);
}
