/**
 * Scoring of the topic tagger against CLAUDETTE, a corpus of terms-of-service sentences annotated with
 * potentially unfair clause categories. Its files: `sentences/<Doc>.txt`, one sentence a line, and
 * `tags/<Doc>.txt`, the same lines with space-separated tags `<category><degree>` (`ltd2 ter3`): the
 * degree is 1 (fair), 2 (potentially unfair) or 3 (clearly unfair). A tag of degree 2 or more is a
 * positive; every other sentence, fair-tagged ones included, is a negative for that category.
 */

/** CLAUDETTE category → our topic id. */
export const CLAUDETTE_TOPICS: Record<string, string> = {
  a: 'arbitration',
  ch: 'unilateral-change',
  cr: 'content-removal',
  j: 'jurisdiction',
  law: 'choice-of-law',
  ltd: 'limitation-of-liability',
  ter: 'unilateral-termination',
  use: 'contract-by-using',
  pinc: 'privacy-included',
};

/** The topics of one annotated sentence: unfair (degree ≥ 2) and fair (degree 1). */
export interface GoldLabels {
  positive: Set<string>;
  fair: Set<string>;
}

/** Reads a tags line (`ltd2 ter3`) into topic ids; tags of other categories are ignored. */
export function parseClaudetteTags(line: string): GoldLabels {
  const labels: GoldLabels = { positive: new Set(), fair: new Set() };
  for (const tag of line.trim().split(/\s+/)) {
    const match = /^([a-z]+)([123])$/.exec(tag);
    const topic = match ? CLAUDETTE_TOPICS[match[1]!] : undefined;
    if (!topic) continue;
    (Number(match![2]) >= 2 ? labels.positive : labels.fair).add(topic);
  }
  return labels;
}

/** Counts for one topic; `fairFalsePositives` are false positives on sentences annotated as a fair clause of that topic. */
export interface TopicCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  fairFalsePositives: number;
}

/** Precision, recall and F1 of one topic (0 when undefined). */
export function countsToScores(counts: TopicCounts): { precision: number; recall: number; f1: number } {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Adds one sentence's predicted topics to the per-topic counts. */
export function countSentence(counts: Map<string, TopicCounts>, predicted: Set<string>, gold: GoldLabels): void {
  for (const [topic, entry] of counts) {
    const said = predicted.has(topic);
    const truth = gold.positive.has(topic);
    if (said && truth) entry.truePositives++;
    if (said && !truth) entry.falsePositives++;
    if (said && !truth && gold.fair.has(topic)) entry.fairFalsePositives++;
    if (!said && truth) entry.falseNegatives++;
  }
}
