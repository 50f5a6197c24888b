import { z } from 'zod';

/** Where a rule looks: the provision's heading, its body, or both. */
export const RULE_SCOPES = ['heading', 'body', 'any'] as const;

/** The groups topics belong to. */
export const TOPIC_GROUPS = ['unfair-terms', 'privacy', 'ai'] as const;

/** How each group of topics is titled on the topics page. */
export const TOPIC_GROUP_TITLES: Record<(typeof TOPIC_GROUPS)[number], string> = {
  'unfair-terms': 'Terms that can be unfair',
  privacy: 'Privacy practices',
  ai: 'AI-specific terms',
};

const isRegExp = (source: string) => {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
};

/** One matching rule of `content/topics.yml`: a phrase or a regular expression, with a weight. */
export const topicRuleSchema = z
  .object({
    phrase: z.string().trim().min(1, 'must not be empty').optional(),
    pattern: z
      .string()
      .min(1, 'must not be empty')
      .refine(isRegExp, { message: 'is not a valid JavaScript regular expression' })
      .optional(),
    in: z.enum(RULE_SCOPES).default('any'),
    weight: z.number().refine((weight) => weight !== 0, { message: 'must not be 0 (a rule that counts nothing)' }),
  })
  .strict()
  .refine((rule) => (rule.phrase === undefined) !== (rule.pattern === undefined), {
    message: 'must have exactly one of "phrase" and "pattern"',
  });

/** One topic: a cross-platform kind of provision. */
export const topicSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "choice-of-law"'),
    title: z.string().trim().min(1, 'must not be empty'),
    group: z.enum(TOPIC_GROUPS),
    description: z.string().trim().min(1, 'must not be empty'),
    threshold: z.number().positive('must be greater than 0'),
    rules: z.array(topicRuleSchema).min(1, 'must list at least one rule'),
  })
  .strict();

/** The whole `content/topics.yml`. */
export const topicsFileSchema = z
  .object({ topics: z.array(topicSchema).min(1, 'must list at least one topic') })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.topics.forEach((topic, index) => {
      if (seen.has(topic.id)) context.addIssue({ code: 'custom', path: ['topics', index, 'id'], message: `repeats the id "${topic.id}"` });
      seen.add(topic.id);
    });
  });

export type TopicRuleInput = z.output<typeof topicRuleSchema>;
export type TopicInput = z.output<typeof topicSchema>;
