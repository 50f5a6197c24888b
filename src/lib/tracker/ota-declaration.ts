import { z } from 'zod';
import { DeclarationError } from '../errors';
import { nameToSlug } from '../slug';

/**
 * Open Terms Archive declarations (`<Service>.json` and `<Service>.history.json`) and their
 * conversion into our platform.yml. OTA format:
 *   { name, terms: { <Type>: { fetch | combine: [{ fetch, select?, remove?, executeClientScripts?, filter? }],
 *                              select?, remove?, executeClientScripts?, filter? } } }
 * where a selector is a CSS string or { startBefore|startAfter, endBefore|endAfter }.
 * History: { <Type>: [{ …same fields, validUntil (older files: ValidUntil) }] }.
 * Named filters are JavaScript functions we do not have; the ones we know map to noise rules.
 */

const otaRange = z
  .object({
    startBefore: z.string().optional(),
    startAfter: z.string().optional(),
    endBefore: z.string().optional(),
    endAfter: z.string().optional(),
  })
  .strict();
const otaSelector = z.union([z.string(), otaRange]);
const otaSelectors = z.union([otaSelector, z.array(otaSelector)]).optional();

const otaPage = z
  .object({
    fetch: z.url(),
    select: otaSelectors,
    remove: otaSelectors,
    executeClientScripts: z.boolean().optional(),
    filter: z.array(z.string()).optional(),
  })
  .strict();

const otaTerms = z
  .object({
    fetch: z.url().optional(),
    combine: z.array(otaPage.partial({ fetch: true }).extend({ fetch: z.url() })).optional(),
    select: otaSelectors,
    remove: otaSelectors,
    executeClientScripts: z.boolean().optional(),
    filter: z.array(z.string()).optional(),
  })
  .strict();

const otaHistoryEntry = otaTerms.extend({ validUntil: z.string().optional(), ValidUntil: z.string().optional() });

/** The zod schema of an OTA service declaration file. */
export const otaDeclarationSchema = z.object({ name: z.string().min(1), terms: z.record(z.string(), otaTerms) }).strict();
/** The zod schema of an OTA history file. */
export const otaHistorySchema = z.record(z.string(), z.array(otaHistoryEntry));

/** A parsed OTA service declaration. */
export type OtaDeclaration = z.output<typeof otaDeclarationSchema>;
/** A parsed OTA history file. */
export type OtaHistory = z.output<typeof otaHistorySchema>;
type OtaTerms = z.output<typeof otaTerms>;
type OtaSelectors = z.output<typeof otaSelectors>;

/** Noise rules we declare in place of the OTA named filters we know. */
type NoiseFields = { strip_query_params?: string[]; date_formats?: boolean; link_rewrites?: { match: string; replace: string }[] };
const FILTER_NOISE: Record<string, NoiseFields> = {
  removeTrackingIDs: { strip_query_params: ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] },
  removeRedirectFromLinks: {},
};

/** Noise every platform of a service gets, learnt from the recorded history of the GenAI EU collection. */
const SERVICE_NOISE: Record<string, NoiseFields> = {
  ChatGPT: { strip_query_params: ['openaicom-did', 'openaicom_referred'] },
  // claude.ai links go through /redirect/website.v1.<per-visit uuid>/ (OTA's removeRedirectFromLinks).
  'Claude.ai': { date_formats: true, link_rewrites: [{ match: '^https://claude\\.ai/redirect/[^/]+/', replace: 'https://claude.ai/' }] },
};

function convertSelectors(value: OtaSelectors): unknown {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const converted = list.map((selector) =>
    typeof selector === 'string'
      ? selector
      : Object.fromEntries(
          Object.entries(selector)
            .filter(([, css]) => css !== undefined)
            .map(([key, css]) => [key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), css]),
        ),
  );
  return converted.length === 1 ? converted[0] : converted;
}

function convertSource(terms: OtaTerms, serviceName: string, where: string): Record<string, unknown> {
  if (Boolean(terms.fetch) === Boolean(terms.combine)) {
    throw new DeclarationError(`${where} must have exactly one of "fetch" and "combine".`);
  }
  const filters = [...(terms.filter ?? []), ...(terms.combine ?? []).flatMap((page) => page.filter ?? [])];
  const unknown = filters.filter((name) => !(name in FILTER_NOISE));
  if (unknown.length) {
    throw new DeclarationError(
      `${where} uses the filter(s) ${unknown.map((n) => `"${n}"`).join(', ')}, which have no equivalent. Add a noise rule for them to the importer.`,
    );
  }
  const strip = new Set<string>(SERVICE_NOISE[serviceName]?.strip_query_params ?? []);
  let dateFormats = SERVICE_NOISE[serviceName]?.date_formats ?? false;
  const rewrites = SERVICE_NOISE[serviceName]?.link_rewrites ?? [];
  for (const name of filters) {
    for (const param of FILTER_NOISE[name]!.strip_query_params ?? []) strip.add(param);
    dateFormats ||= FILTER_NOISE[name]!.date_formats ?? false;
  }
  const source: Record<string, unknown> = {};
  if (terms.fetch) source.url = terms.fetch;
  else {
    source.pages = terms.combine!.map((page) => {
      const converted: Record<string, unknown> = { url: page.fetch };
      if (page.select !== undefined) converted.select = convertSelectors(page.select);
      if (page.remove !== undefined) converted.remove = convertSelectors(page.remove);
      if (page.executeClientScripts !== undefined) converted.needs_browser = page.executeClientScripts;
      return converted;
    });
  }
  if (terms.select !== undefined) source.select = convertSelectors(terms.select);
  if (terms.remove !== undefined) source.remove = convertSelectors(terms.remove);
  if (terms.executeClientScripts) source.needs_browser = true;
  if (strip.size || dateFormats || rewrites.length) {
    const noise: Record<string, unknown> = {};
    if (strip.size) noise.strip_query_params = [...strip];
    if (dateFormats) noise.date_formats = true;
    if (rewrites.length) noise.link_rewrites = rewrites;
    source.noise = noise;
  }
  return source;
}

/** The homepage we assume before a person declares one: the origin of the first fetched URL. */
function guessHomepage(declaration: OtaDeclaration): string {
  const first = Object.values(declaration.terms)[0];
  const url = first?.fetch ?? first?.combine?.[0]?.fetch;
  return url ? `${new URL(url).origin}/` : 'https://example.invalid/';
}

/**
 * Converts an OTA declaration (and its history) into the data of our platform.yml. `existing` is the
 * current platform.yml data, if any: its hand-edited name, homepage and extra noise rules are kept.
 */
export function otaToDeclaration(
  declaration: OtaDeclaration,
  history: OtaHistory | undefined,
  existing?: { name?: string; homepage?: string },
): Record<string, unknown> {
  const documents: Record<string, unknown> = {};
  for (const [type, terms] of Object.entries(declaration.terms)) {
    const where = `OTA declaration "${declaration.name}", terms "${type}"`;
    const entries = (history?.[type] ?? []).map((entry, index) => {
      const validUntil = entry.validUntil ?? entry.ValidUntil;
      if (!validUntil) throw new DeclarationError(`${where}, history entry ${index} has no validUntil date.`);
      const { validUntil: _a, ValidUntil: _b, ...fields } = entry;
      return { valid_until: validUntil, ...convertSource(fields, declaration.name, `${where}, history entry ${index}`) };
    });
    documents[nameToSlug(type)] = {
      type,
      ...convertSource(terms, declaration.name, where),
      ...(entries.length ? { history: entries } : {}),
    };
  }
  return {
    name: existing?.name ?? declaration.name,
    homepage: existing?.homepage ?? guessHomepage(declaration),
    documents,
  };
}
