import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { analysisSchema } from './lib/schemas/analysis';

/**
 * Notes: hand-written MDX pages (methodology, about, data sources).
 * Lives in content/notes/*.mdx; read by src/pages/notes/[slug].astro and the footer links.
 */
const notes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/notes' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    order: z.number().int().default(100),
  }),
});

/**
 * Analyses: hand-written MDX notes on one provision each (summary, exposure, regulations).
 * Lives in content/analyses/<platform>/<document>/<provision>.mdx, or under FINEPRINT_ANALYSES_DIR (the
 * tests point it at fixture analyses); read by src/data/provisions.ts for the provision pages.
 */
const analyses = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: process.env.FINEPRINT_ANALYSES_DIR ?? './content/analyses' }),
  schema: analysisSchema,
});

export const collections = { notes, analyses };
