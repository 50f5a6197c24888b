import { z } from 'zod';

/** The exposure levels of an analysis, lowest first, each with the one-line definition the methodology page shows. */
export const EXPOSURE_SCALE = {
  low: 'Common, balanced wording; little changes for a person compared with the law that applies anyway.',
  medium: 'Gives the platform notable room over your data, content or rights, with limits or an opt-out.',
  high: 'Takes significant rights or data from you, or leaves you without remedy, with weak limits or no opt-out.',
  critical: 'Likely unfair or unlawful in a major jurisdiction, or exposes you to serious harm with no way out.',
} as const;

/** One exposure level. */
export type Exposure = keyof typeof EXPOSURE_SCALE;

const EXPOSURES = Object.keys(EXPOSURE_SCALE) as [Exposure, ...Exposure[]];

/** A version stamp: the UTC capture time `YYYYMMDDhhmmss`, with `-2`, `-3` for versions in the same second. */
export const VERSION_STAMP = /^\d{14}(?:-[2-9]\d*)?$/;

const slug = (what: string) => z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `must be the ${what} id, a lowercase slug`);

/**
 * The front matter of `content/analyses/<platform>/<document>/<provision>.mdx`: a hand-written note on
 * one provision as it stood in the version `as_of`.
 */
export const analysisSchema = z
  .object({
    platform: slug('platform'),
    document: slug('document'),
    provision: slug('provision'),
    as_of: z
      .string()
      .regex(VERSION_STAMP, 'must be the analysed version, YYYYMMDDhhmmss (quote it in YAML so it stays text)'),
    summary: z.string().trim().min(1, 'must give a plain-language summary'),
    exposure: z.enum(EXPOSURES, { message: `must be one of ${EXPOSURES.join(', ')}` }),
    regulations: z
      .array(
        z
          .object({
            framework: z.string().trim().min(1, 'must name the framework (GDPR, CCPA/CPRA, FTC Act, …)'),
            article: z.string().trim().min(1, 'must name the article or section'),
            note: z.string().trim().min(1, 'must say how it applies'),
          })
          .strict(),
      )
      .default([]),
    jurisdictions: z.array(z.string().trim().min(1)).default([]),
    considerations: z.array(z.string().trim().min(1)).default([]),
    topics: z.array(slug('topic')).optional(),
  })
  .strict();

/** A validated analysis front matter. */
export type Analysis = z.output<typeof analysisSchema>;

/**
 * Whether an analysis is out of date: it is stale when its provision changed in a version after `asOf`
 * (version stamps sort as text in time order); `changedIn` is the first such version.
 */
export function isAnalysisStale(
  asOf: string,
  provisionEvents: readonly { version: string }[],
): { stale: boolean; changedIn?: string } {
  const later = provisionEvents
    .map((event) => event.version)
    .filter((version) => compareVersions(version, asOf) > 0)
    .sort(compareVersions);
  return later.length ? { stale: true, changedIn: later[0] } : { stale: false };
}

/** Orders version stamps in time, `20250101000000-2` after `20250101000000`. */
function compareVersions(a: string, b: string): number {
  const [timeA = '', nA = '1'] = a.split('-');
  const [timeB = '', nB = '1'] = b.split('-');
  return timeA === timeB ? Number(nA) - Number(nB) : timeA < timeB ? -1 : 1;
}
