import matter from 'gray-matter';
import { z } from 'zod';
import { DeclarationError } from '../errors';
import { isTermsType } from '../terms-types';

/**
 * The front matter of a recorded version (`content/platforms/<platform>/<document>.md`). It is small
 * and stable on purpose: it changes only when the platform, the type or the fetched pages change, so
 * it never makes a version differ from the one before by itself.
 */
export const frontMatterSchema = z
  .object({
    platform: z.string().min(1, 'must name the platform'),
    type: z.string().refine(isTermsType, {
      message: 'is not an Open Terms Archive document type (see @opentermsarchive/terms-types)',
    }),
    sources: z.array(z.url()),
  })
  .strict();

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** A recorded version split into its validated front matter and its Markdown body. */
export interface RecordedText {
  frontMatter: FrontMatter;
  body: string;
}

/** Parses a recorded version; `where` names the file (and version) in the error message. */
export function parseRecordedText(text: string, where: string): RecordedText {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by input string; a fresh options object turns the cache off.
    parsed = matter(text, {});
  } catch (error) {
    throw new DeclarationError(
      `Malformed front matter in ${where}: ${(error as Error).message.split('\n')[0]}. Fix the YAML between the two "---" lines.`,
    );
  }
  if (!text.startsWith('---')) {
    throw new DeclarationError(`Missing front matter in ${where}: a recorded version starts with a "---" YAML block.`);
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || '(front matter)';
    throw new DeclarationError(`Invalid front matter in ${where}: field "${field}" ${issue.message}.`);
  }
  return { frontMatter: result.data, body: parsed.content.replace(/^\n/, '') };
}

/** Serialises a version in the recorded format; the exact bytes are part of the archive's stability. */
export function formatRecordedText(frontMatter: FrontMatter, body: string): string {
  const sources = frontMatter.sources.length
    ? `sources:\n${frontMatter.sources.map((url) => `  - ${JSON.stringify(url)}`).join('\n')}`
    : 'sources: []';
  const header = `---\nplatform: ${JSON.stringify(frontMatter.platform)}\ntype: ${JSON.stringify(frontMatter.type)}\n${sources}\n---\n\n`;
  return `${header}${body.endsWith('\n') ? body : `${body}\n`}`;
}
