import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DeclarationError } from '../errors';

/**
 * Open Terms Archive declaration files: `<Service>.json` ({ name, terms: { <type>: document } }) and
 * `<Service>.history.json` ({ <type>: [document & { validUntil }] }). A document fetches one page
 * (`fetch`) or several (`combine: [{ fetch, ... }]`).
 */
const otaPageSchema = z.looseObject({ fetch: z.url() });
const otaDocumentSchema = z.looseObject({
  fetch: z.url().optional(),
  combine: z.array(z.looseObject({ fetch: z.url() })).optional(),
});
const otaServiceSchema = z.looseObject({
  name: z.string().min(1),
  terms: z.record(z.string(), otaDocumentSchema),
});
// Some published history files spell the key "ValidUntil"; both spellings are read.
const otaHistoryEntrySchema = z.preprocess(
  (entry) =>
    entry && typeof entry === 'object' && 'ValidUntil' in entry && !('validUntil' in entry)
      ? { ...entry, validUntil: (entry as { ValidUntil: unknown }).ValidUntil }
      : entry,
  otaDocumentSchema.extend({ validUntil: z.iso.datetime({ offset: true }) }),
);
const otaHistorySchema = z.record(z.string(), z.array(otaHistoryEntrySchema));

export type OtaDocumentDeclaration = z.output<typeof otaDocumentSchema>;

/** A document's fetched URLs over time: `until` is exclusive, null for the current declaration. */
export interface SourcePeriod {
  until: Date | null;
  urls: string[];
}

/** The services of a declarations folder: display name and, per document type, its source URLs over time. */
export type OtaServices = Map<string, { name: string; sources: Map<string, SourcePeriod[]> }>;

/** The URLs an Open Terms Archive document declaration fetches, in order. */
export function otaDocumentUrls(document: OtaDocumentDeclaration): string[] {
  if (document.combine) return document.combine.map((page) => otaPageSchema.parse(page).fetch);
  return document.fetch ? [document.fetch] : [];
}

function parseJson<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DeclarationError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DeclarationError(`Invalid declaration ${file}: field "${issue.path.join('.')}" ${issue.message}.`);
  }
  return result.data;
}

/** Reads every declaration (and declaration history) in an Open Terms Archive declarations folder, keyed by service file name. */
export async function readOtaDeclarations(dir: string): Promise<OtaServices> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  const services: OtaServices = new Map();
  const serviceOf = (key: string) => {
    let service = services.get(key);
    if (!service) services.set(key, (service = { name: key, sources: new Map() }));
    return service;
  };
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    if (file.endsWith('.history.json')) {
      const service = serviceOf(file.slice(0, -'.history.json'.length));
      for (const [type, entries] of Object.entries(parseJson(otaHistorySchema, text, join(dir, file)))) {
        const periods = service.sources.get(type) ?? [];
        for (const entry of entries) periods.push({ until: new Date(entry.validUntil), urls: otaDocumentUrls(entry) });
        service.sources.set(type, periods);
      }
      continue;
    }
    const declaration = parseJson(otaServiceSchema, text, join(dir, file));
    const service = serviceOf(file.slice(0, -'.json'.length));
    service.name = declaration.name;
    for (const [type, document] of Object.entries(declaration.terms)) {
      const periods = service.sources.get(type) ?? [];
      periods.push({ until: null, urls: otaDocumentUrls(document) });
      service.sources.set(type, periods);
    }
  }
  for (const service of services.values()) {
    for (const periods of service.sources.values()) {
      periods.sort((a, b) => (a.until?.getTime() ?? Infinity) - (b.until?.getTime() ?? Infinity));
    }
  }
  return services;
}

/** The URLs a document was fetched from at `date`: the first period that was still valid then. */
export function sourcesAt(periods: SourcePeriod[] | undefined, date: Date): string[] {
  if (!periods?.length) return [];
  const period = periods.find((p) => p.until === null || date < p.until) ?? periods[periods.length - 1]!;
  return period.urls;
}
