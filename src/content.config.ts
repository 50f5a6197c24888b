import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';

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

export const collections = { notes };
