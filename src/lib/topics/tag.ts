import { DeclarationError } from '../errors';
import type { Topic } from './load';

/** A topic found in a provision, with the evidence: the total weight and the rules that matched. */
export interface TopicTag {
  topic: string;
  score: number;
  matched: string[];
}

/**
 * Tags a provision with every topic whose matching rules weigh at least its threshold, best score
 * first (ties in the order of the topics file).
 */
export function tagProvision(provision: { heading: string; body: string }, topics: Topic[]): TopicTag[] {
  const heading = markdownToPlainText(provision.heading);
  const body = markdownToPlainText(provision.body);
  const tags: TopicTag[] = [];
  for (const topic of topics) {
    let score = 0;
    const matched: string[] = [];
    for (const rule of topic.rules) {
      const hit =
        (rule.in !== 'body' && rule.regex.test(heading)) || (rule.in !== 'heading' && rule.regex.test(body));
      if (!hit) continue;
      score += rule.weight;
      matched.push(rule.in === 'heading' ? `${rule.label} (heading)` : rule.label);
    }
    if (score >= topic.threshold) tags.push({ topic: topic.id, score, matched });
  }
  return tags.sort((a, b) => b.score - a.score);
}

/**
 * The topics an analysis states win over the tagger: with `overrides`, the result is exactly those
 * topics (keeping the tagger's evidence where it agrees, score 0 where it did not find the topic).
 * `topics`, when given, is used to reject an unknown id.
 */
export function applyTopicOverrides(tags: TopicTag[], overrides: string[] | undefined, topics?: Topic[]): TopicTag[] {
  if (overrides === undefined) return tags;
  if (topics) {
    const known = new Set(topics.map((topic) => topic.id));
    const unknown = overrides.find((id) => !known.has(id));
    if (unknown !== undefined) {
      throw new DeclarationError(
        `Unknown topic "${unknown}" in a topics override. Use one of the ids in content/topics.yml: ${[...known].join(', ')}.`,
      );
    }
  }
  const found = new Map(tags.map((tag) => [tag.topic, tag]));
  return [...new Set(overrides)].map((topic) => found.get(topic) ?? { topic, score: 0, matched: [] });
}

/** Markdown as the words a reader sees: no link targets, emphasis markers, escapes or curly quotes. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
