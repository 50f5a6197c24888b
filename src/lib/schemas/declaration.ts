import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { RESERVED_DOCUMENT_IDS, RESERVED_PLATFORM_IDS } from '../../consts';
import { DeclarationError } from '../errors';
import { nameToSlug } from '../slug';
import { isTermsType } from '../terms-types';

/**
 * The declaration of a platform, `content/platforms/<platform>/platform.yml`, hand-edited or produced
 * by `npm run import:declarations` from Open Terms Archive declarations:
 *
 *   name: Claude.ai
 *   homepage: https://claude.ai/
 *   documents:
 *     privacy-policy:                     # id = slug of the type
 *       type: Privacy Policy              # an Open Terms Archive terms type
 *       url: https://…                    # or pages: [{ url, select?, remove?, needs_browser? }, …] combined in order
 *       select: main                      # CSS selector(s), or a range { start_before|start_after, end_before|end_after }
 *       remove: [".banner"]
 *       needs_browser: false
 *       accept_language: en
 *       noise: { strip_query_params: [did], drop_selectors: [time], date_formats: true,
 *                link_rewrites: [{ match: '^https://x/redirect/[^/]+/', replace: 'https://x/' }] }
 *       shrink_threshold: 0.5
 *       history: [{ valid_until: 2026-07-09T19:07:00Z, url: …, select: … }]   # older declarations
 */

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const selectorString = z.string().trim().min(1, 'must not be empty');

/** A range selector: everything between two elements, as in the Open Terms Archive format. */
const rangeSelectorSchema = z
  .object({
    start_before: selectorString.optional(),
    start_after: selectorString.optional(),
    end_before: selectorString.optional(),
    end_after: selectorString.optional(),
  })
  .strict()
  .refine((range) => Boolean(range.start_before) !== Boolean(range.start_after), {
    message: 'must have exactly one of start_before and start_after',
  })
  .refine((range) => Boolean(range.end_before) !== Boolean(range.end_after), {
    message: 'must have exactly one of end_before and end_after',
  });

const selectorSchema = z.union([selectorString, rangeSelectorSchema]);
const selectorsSchema = z
  .union([selectorSchema, z.array(selectorSchema).min(1, 'must list at least one selector')])
  .transform((value) => (Array.isArray(value) ? value : [value]));

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Rules that tell noise from text: what to drop before comparing versions. */
const noiseSchema = z
  .object({
    strip_query_params: z.array(z.string().min(1)).default([]),
    drop_selectors: z.array(selectorString).default([]),
    date_formats: z.boolean().default(false),
    /** Link targets rewritten before comparing, e.g. to unwrap a redirect URL with a per-visit id. */
    link_rewrites: z
      .array(
        z
          .object({
            match: z.string().refine(isRegExp, 'must be a valid regular expression'),
            replace: z.string(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** One fetched page of a document; its own select/remove/needs_browser override the document's. */
const pageSchema = z
  .object({
    url: httpUrl,
    select: selectorsSchema.optional(),
    remove: selectorsSchema.optional(),
    needs_browser: z.boolean().optional(),
  })
  .strict();

const sourceFields = {
  url: httpUrl.optional(),
  pages: z.array(pageSchema).min(1, 'must list at least one page').optional(),
  select: selectorsSchema.optional(),
  remove: selectorsSchema.optional(),
  needs_browser: z.boolean().default(false),
  accept_language: z.string().min(1).default('en'),
  noise: noiseSchema.default({ strip_query_params: [], drop_selectors: [], date_formats: false, link_rewrites: [] }),
  shrink_threshold: z.number().gt(0).lte(1).default(0.5),
};

function hasOneSource(value: { url?: string; pages?: unknown[] }): boolean {
  return Boolean(value.url) !== Boolean(value.pages);
}
const oneSourceMessage = { message: 'must have exactly one of "url" and "pages"', path: ['url'] };

const historyEntrySchema = z
  .object({ valid_until: z.coerce.date({ error: 'must be an ISO 8601 date' }), ...sourceFields })
  .strict()
  .refine(hasOneSource, oneSourceMessage);

const documentSchema = z
  .object({
    type: z.string().refine(isTermsType, {
      message: 'is not an Open Terms Archive terms type (see @opentermsarchive/terms-types)',
    }),
    ...sourceFields,
    history: z.array(historyEntrySchema).default([]),
  })
  .strict()
  .refine(hasOneSource, oneSourceMessage);

/** The zod schema of a platform.yml file. */
export const declarationSchema = z
  .object({
    name: z.string().trim().min(1, 'must name the platform'),
    homepage: httpUrl,
    documents: z.record(
      z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug')
        .refine((id) => !(RESERVED_DOCUMENT_IDS as readonly string[]).includes(id), 'is a reserved URL segment'),
      documentSchema,
    ),
  })
  .strict()
  .superRefine((declaration, context) => {
    for (const [id, document] of Object.entries(declaration.documents)) {
      if (nameToSlug(document.type) !== id) {
        context.addIssue({
          code: 'custom',
          path: ['documents', id],
          message: `must be named "${nameToSlug(document.type)}", the slug of its type "${document.type}"`,
        });
      }
    }
  });

/** A validated platform declaration. */
export type Declaration = z.output<typeof declarationSchema>;
/** A validated document declaration. */
export type DocumentDeclaration = Declaration['documents'][string];
/** The fields of a document declaration that say how to fetch and extract it, at one point in time. */
export type SourceDeclaration = Omit<DocumentDeclaration, 'history' | 'type'>;
/** A selector: CSS, or a range between two elements. */
export type Selector = z.output<typeof selectorSchema>;
/** A range selector. */
export type RangeSelector = z.output<typeof rangeSelectorSchema>;
/** Noise rules of a document. */
export type NoiseRules = z.output<typeof noiseSchema>;

/** One page to fetch, with the selectors that apply to it resolved. */
export interface ResolvedPage {
  url: string;
  select: Selector[];
  remove: Selector[];
  needsBrowser: boolean;
}

/** The declaration in force at a capture time: the first history entry valid until after it, else the current one. */
export function sourceDeclarationAt(document: DocumentDeclaration, at: Date): SourceDeclaration {
  const entries = [...document.history].sort((a, b) => a.valid_until.getTime() - b.valid_until.getTime());
  const entry = entries.find((candidate) => at.getTime() < candidate.valid_until.getTime());
  if (!entry) return document;
  const { valid_until: _validUntil, ...source } = entry;
  return source;
}

/** The pages of a source declaration in fetch order, with document-level selectors applied where a page sets none. */
export function listPages(source: SourceDeclaration): ResolvedPage[] {
  const pages = source.pages ?? [{ url: source.url! }];
  return pages.map((page) => ({
    url: page.url,
    select: page.select ?? source.select ?? [],
    remove: [...(source.remove ?? []), ...(page.remove ?? [])],
    needsBrowser: page.needs_browser ?? source.needs_browser,
  }));
}

/** Validates one parsed platform.yml; `file` names it in the error. */
export function parseDeclaration(data: unknown, file: string, platformId: string): Declaration {
  if ((RESERVED_PLATFORM_IDS as readonly string[]).includes(platformId)) {
    throw new DeclarationError(
      `Platform id "${platformId}" in ${file} is a reserved URL segment of the site. Rename the directory.`,
    );
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(platformId)) {
    throw new DeclarationError(
      `Platform id "${platformId}" in ${file} is not a lowercase slug. Rename the directory to "${nameToSlug(platformId)}".`,
    );
  }
  const result = declarationSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || '(top level)';
    throw new DeclarationError(`Invalid declaration ${file}: field "${field}" ${issue.message}. Fix the file and run again.`);
  }
  return result.data;
}

/** Reads and validates every `<contentDir>/platforms/<platform>/platform.yml`, keyed by platform id. */
export async function loadDeclarations(contentDir: string): Promise<Map<string, Declaration>> {
  const platformsDir = path.join(contentDir, 'platforms');
  const entries = await readdir(platformsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const declarations = new Map<string, Declaration>();
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(platformsDir, entry.name, 'platform.yml');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    let data: unknown;
    try {
      data = YAML.parse(text);
    } catch (error) {
      throw new DeclarationError(
        `Malformed YAML in ${file}: ${(error as Error).message.split('\n')[0]}. Fix the syntax and run again.`,
      );
    }
    declarations.set(entry.name, parseDeclaration(data, file, entry.name));
  }
  return declarations;
}
