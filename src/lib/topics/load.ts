import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DeclarationError } from '../errors';
import { topicsFileSchema, type TopicInput } from './schema';

/** A rule ready to match: `label` says what matched, in the words of `content/topics.yml`. */
export interface TopicRule {
  label: string;
  in: 'heading' | 'body' | 'any';
  weight: number;
  regex: RegExp;
}

/** A topic with its rules compiled. */
export type Topic = Omit<TopicInput, 'rules'> & { rules: TopicRule[] };

/** Reads, validates and compiles a topics file (`content/topics.yml`). */
export function loadTopics(path: string): Topic[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DeclarationError(`Cannot read the topics file ${path}: ${(error as Error).message}. Check the path.`);
  }
  return parseTopics(text, path);
}

/** Validates and compiles the YAML text of a topics file; `where` names the file in errors. */
export function parseTopics(text: string, where: string): Topic[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new DeclarationError(`Malformed YAML in ${where}: ${(error as Error).message.split('\n')[0]}. Fix the syntax.`);
  }
  const result = topicsFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = describePath(issue.path, data);
    throw new DeclarationError(`Invalid topics file ${where}: field "${field}" ${issue.message}.`);
  }
  return result.data.topics.map((topic) => ({
    ...topic,
    rules: topic.rules.map((rule) => ({
      label: rule.phrase ?? rule.pattern!,
      in: rule.in,
      weight: rule.weight,
      regex: rule.phrase !== undefined ? phraseToRegExp(rule.phrase) : new RegExp(rule.pattern!, 'iu'),
    })),
  }));
}

/** A phrase as a case-insensitive whole-word expression; any run of spaces between its words matches. */
export function phraseToRegExp(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const start = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const end = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return new RegExp(`${start}${words.join('\\s+')}${end}`, 'iu');
}

/** `topics.3.rules.1.pattern` with the topic's id instead of its index: `topics[arbitration].rules.1.pattern`. */
function describePath(path: PropertyKey[], data: unknown): string {
  const parts = path.map(String);
  if (parts[0] === 'topics' && parts[1] !== undefined) {
    const topics = (data as { topics?: { id?: unknown }[] }).topics;
    const id = topics?.[Number(parts[1])]?.id;
    if (typeof id === 'string') return [`topics[${id}]`, ...parts.slice(2)].join('.');
  }
  return parts.join('.') || '(file)';
}
