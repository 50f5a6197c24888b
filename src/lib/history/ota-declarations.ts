import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { DeclarationError } from '../errors';
import { otaDeclarationSchema, otaHistorySchema, type OtaDeclaration } from '../tracker/ota-declaration';

type OtaDocumentDeclaration = OtaDeclaration['terms'][string];

/** A document's fetched URLs over time: `until` is exclusive, null for the current declaration. */
export interface SourcePeriod {
  until: Date | null;
  urls: string[];
}

/** The services of a declarations folder: display name and, per document type, its source URLs over time. */
export type OtaServices = Map<string, { name: string; sources: Map<string, SourcePeriod[]> }>;

/** The URLs an Open Terms Archive document declaration fetches, in order. */
export function otaDocumentUrls(document: OtaDocumentDeclaration): string[] {
  if (document.combine) return document.combine.map((page) => page.fetch);
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
        for (const entry of entries) {
          const validUntil = entry.validUntil ?? entry.ValidUntil;
          if (!validUntil || Number.isNaN(Date.parse(validUntil))) {
            throw new DeclarationError(`Invalid declaration ${join(dir, file)}: field "${type}.validUntil" must be an ISO 8601 date.`);
          }
          periods.push({ until: new Date(validUntil), urls: otaDocumentUrls(entry) });
        }
        service.sources.set(type, periods);
      }
      continue;
    }
    const declaration = parseJson(otaDeclarationSchema, text, join(dir, file));
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
