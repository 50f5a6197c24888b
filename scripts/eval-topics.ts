/**
 * Evaluates the topic tagger on the English CLAUDETTE sentences and prints a Markdown table.
 * Usage: npm run eval:topics -- [claudette-en directory] (default ../shared/corpus/claudette-en)
 * Each sentence is tagged as a provision with an empty heading; see src/lib/topics/evaluate.ts for
 * the annotation format and what counts as a positive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTopics } from '../src/lib/topics/load';
import { tagProvision } from '../src/lib/topics/tag';
import {
  CLAUDETTE_TOPICS,
  countSentence,
  countsToScores,
  parseClaudetteTags,
  type TopicCounts,
} from '../src/lib/topics/evaluate';

const directory = process.argv[2] ?? '../shared/corpus/claudette-en';
const topics = loadTopics('content/topics.yml');

let files: string[];
try {
  files = readdirSync(join(directory, 'sentences')).filter((file) => file.endsWith('.txt')).sort();
} catch {
  console.error(`No CLAUDETTE sentences in ${join(directory, 'sentences')}. Pass the claudette-en directory: npm run eval:topics -- <dir>`);
  process.exit(1);
}

const counts = new Map<string, TopicCounts>(
  Object.values(CLAUDETTE_TOPICS).map((topic) => [topic, { truePositives: 0, falsePositives: 0, falseNegatives: 0, fairFalsePositives: 0 }]),
);
let sentences = 0;
for (const file of files) {
  const lines = readFileSync(join(directory, 'sentences', file), 'utf8').split('\n');
  const tags = readFileSync(join(directory, 'tags', file), 'utf8').split('\n');
  lines.forEach((sentence, index) => {
    if (!sentence.trim()) return;
    sentences++;
    const predicted = new Set(tagProvision({ heading: '', body: sentence }, topics).map((tag) => tag.topic));
    countSentence(counts, predicted, parseClaudetteTags(tags[index] ?? ''));
  });
}

const percent = (value: number) => (value * 100).toFixed(1);
const rows: string[] = [];
let f1Sum = 0;
for (const [letter, topic] of Object.entries(CLAUDETTE_TOPICS)) {
  const entry = counts.get(topic)!;
  const { precision, recall, f1 } = countsToScores(entry);
  f1Sum += f1;
  rows.push(
    `| ${letter} | ${topic} | ${entry.truePositives + entry.falseNegatives} | ${entry.truePositives} | ${entry.falsePositives} (${entry.fairFalsePositives}) | ${entry.falseNegatives} | ${percent(precision)} | ${percent(recall)} | ${percent(f1)} |`,
  );
}
console.log(`CLAUDETTE (English): ${files.length} documents, ${sentences} sentences; positive = tag degree ≥ 2.\n`);
console.log('| category | topic | positives | TP | FP (of which fair-tagged) | FN | precision % | recall % | F1 % |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
console.log(`\nMacro-F1: ${percent(f1Sum / rows.length)} %`);
