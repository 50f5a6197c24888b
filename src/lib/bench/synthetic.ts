import { seededRandom } from '../random';

/**
 * A deterministic synthetic archive for growth curves, shaped like the Open Terms Archive contrib
 * collection (measured on its 42,632 versions): about 48 versions per document, document sizes with a
 * median of 24 KB and a long tail, and edits that touch few lines most of the time (median 4 changed
 * lines, 90th percentile 247).
 */

/** One synthetic version: an Open Terms Archive path, a capture date and the text. */
export interface SyntheticVersion {
  path: string;
  date: Date;
  subject: string;
  text: string;
}

const VERSIONS_PER_DOCUMENT = 48;
// Changed lines per version, sampled uniformly: the contrib distribution's deciles.
const EDIT_LINES = [2, 4, 4, 4, 4, 8, 20, 20, 60, 247];
// Document sizes in bytes, sampled uniformly: the contrib distribution's deciles.
const DOCUMENT_BYTES = [4_000, 8_000, 12_000, 16_000, 24_000, 24_000, 32_000, 45_000, 70_000, 160_000];
const WORDS = (
  'service terms user content data account agreement provide may use information party rights law ' +
  'policy personal access notice time including without limited right applicable within request ' +
  'reasonable services third license termination liability privacy cookies process purposes'
).split(' ');
const TYPES = ['Terms of Service', 'Privacy Policy', 'Trackers Policy', 'Acceptable Use Policy', 'Developer Terms'];
const START = Date.UTC(2020, 0, 1);
const HOUR = 3_600_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 20);
  const words = Array.from({ length }, () => pick(random, WORDS));
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function makeLines(random: () => number, bytes: number): string[] {
  const lines: string[] = [];
  let size = 0;
  for (let section = 1; size < bytes; section++) {
    const heading = `${section}. ${sentence(random).slice(0, 40).replace(/\.$/, '')}`;
    lines.push(heading, '-'.repeat(heading.length), '');
    for (let paragraph = 0; paragraph < 6 && size < bytes; paragraph++) {
      const line = Array.from({ length: 1 + Math.floor(random() * 4) }, () => sentence(random)).join(' ');
      lines.push(line, '');
      size += line.length + 1;
    }
  }
  return lines;
}

/** Changes `count` paragraph lines in place (each edit counts as one line removed and one added). */
function edit(random: () => number, lines: string[], changedLines: number): void {
  const paragraphs = lines.flatMap((line, index) => (line.length > 60 ? [index] : []));
  for (let i = 0; i < Math.max(1, Math.floor(changedLines / 2)) && paragraphs.length; i++) {
    lines[pick(random, paragraphs)] = Array.from({ length: 2 }, () => sentence(random)).join(' ');
  }
}

/** `count` versions, oldest first, spread over documents of several services and recorded hours apart. */
export function* generateSyntheticArchive(count: number, seed = 42): Generator<SyntheticVersion> {
  const random = seededRandom(seed);
  const documentCount = Math.max(1, Math.round(count / VERSIONS_PER_DOCUMENT));
  const documents: { path: string; label: string; lines: string[] | null }[] = Array.from({ length: documentCount }, (_, i) => {
    const service = `Service ${String(Math.floor(i / TYPES.length) + 1).padStart(4, '0')}`;
    const type = TYPES[i % TYPES.length]!;
    return { path: `${service}/${type}.md`, label: `${service} ${type}`, lines: null };
  });
  for (let i = 0; i < count; i++) {
    const document = documents[i < documentCount ? i : Math.floor(random() * documentCount)]!;
    const first = document.lines === null;
    if (first) document.lines = makeLines(random, pick(random, DOCUMENT_BYTES));
    else edit(random, document.lines!, pick(random, EDIT_LINES));
    yield {
      path: document.path,
      date: new Date(START + i * HOUR),
      subject: `${first ? 'First record of' : 'Record new changes of'} ${document.label}`,
      text: `${document.lines!.join('\n')}\n`,
    };
  }
}
