import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import YAML from 'yaml';
import { PLATFORMS_DIR } from '../../consts';
import { FineprintError, FetchError, ExtractError } from '../errors';
import { formatRecordMessage, trailerValues, type RecordKind, type Trailer } from '../history/commit-message';
import { formatRecordedText } from '../schemas/front-matter';
import { isInShard, type Shard } from '../shard';
import {
  listPages,
  loadDeclarations,
  sourceDeclarationAt,
  type Declaration,
  type DocumentDeclaration,
} from '../schemas/declaration';
import type { BrowserFetcher } from './browser';
import { combinePages, extractPage, EXTRACTOR_VERSION } from './extract';
import { DEFAULT_FETCH_OPTIONS, fetchPage, type FetchOptions } from './fetch';
import { assertPolicyText, isSuspiciousShrink } from './guards';
import { pdfToText } from './pdf';
import { commitFile, readFileAt, readLastRecord, writeFileAtomic } from './record';
import { createHostScheduler } from './scheduler';

/** How a page was fetched, as written in the Fetcher trailer. */
export type Fetcher = 'html' | 'browser' | 'pdf';

/** What happened to one document in a run. */
export interface DocumentResult {
  platform: string;
  document: string;
  type: string;
  /** recorded = first record or change; technical = re-extraction difference; failed = nothing recorded. */
  status: 'recorded' | 'technical' | 'unchanged' | 'failed';
  kind?: RecordKind;
  category?: string;
  message?: string;
  url?: string;
  capturedAt: string;
  sources: string[];
  fetchers: Fetcher[];
  file: string;
  commit?: string;
}

/** The JSON run report (`--report`). */
export interface RunReport {
  startedAt: string;
  finishedAt: string;
  extractorVersion: string;
  dryRun: boolean;
  commit: boolean;
  shard?: string;
  results: DocumentResult[];
}

/** Options of a tracker run. */
export interface TrackOptions {
  /** Root of the archive git repository; declarations and records live under content/platforms. */
  repoDir: string;
  platform?: string;
  document?: string;
  shard?: Shard;
  dryRun?: boolean;
  /** false = write files but do not commit (--no-commit). */
  commit?: boolean;
  /** Record a suspicious shrink without waiting for a second run to confirm it. */
  force?: boolean;
  /** Pending suspicious shrinks, remembered between runs. */
  statePath?: string;
  concurrency?: number;
  fetchOptions?: Partial<FetchOptions>;
  browser?: Pick<BrowserFetcher, 'fetch'>;
  now?: () => Date;
  onResult?: (result: DocumentResult) => void;
}

/** One document to track. */
interface Job {
  platform: string;
  declaration: Declaration;
  document: string;
  documentDeclaration: DocumentDeclaration;
}

/** Lists the documents a run tracks, sorted by platform then document, filtered and sharded. */
export function selectJobs(
  declarations: Map<string, Declaration>,
  filter: { platform?: string; document?: string; shard?: Shard },
): Job[] {
  if (filter.platform && !declarations.has(filter.platform)) {
    throw new FineprintError(
      `No platform "${filter.platform}" in ${PLATFORMS_DIR}. Known: ${[...declarations.keys()].join(', ') || '(none)'}.`,
    );
  }
  const jobs: Job[] = [];
  for (const [platform, declaration] of [...declarations].sort(([a], [b]) => a.localeCompare(b))) {
    if (filter.platform && platform !== filter.platform) continue;
    for (const document of Object.keys(declaration.documents).sort()) {
      if (filter.document && document !== filter.document) continue;
      jobs.push({ platform, declaration, document, documentDeclaration: declaration.documents[document]! });
    }
  }
  if (filter.document && jobs.length === 0) {
    throw new FineprintError(`No document "${filter.document}" is declared${filter.platform ? ` for ${filter.platform}` : ''}.`);
  }
  const shard = filter.shard;
  return shard ? jobs.filter((_, position) => isInShard(position, shard)) : jobs;
}

type PendingShrinks = Record<string, { sha256: string; seenAt: string }>;

async function readState(statePath: string | undefined): Promise<PendingShrinks> {
  if (!statePath) return {};
  try {
    return JSON.parse(await readFile(statePath, 'utf8')) as PendingShrinks;
  } catch {
    return {};
  }
}

/** The extracted text of one document, with what fetched it. */
interface Capture {
  body: string;
  sources: string[];
  fetchers: Fetcher[];
  capturedAt: Date;
}

async function captureDocument(
  job: Job,
  at: Date,
  options: FetchOptions,
  scheduler: ReturnType<typeof createHostScheduler>,
  browser: Pick<BrowserFetcher, 'fetch'> | undefined,
  now: () => Date,
): Promise<Capture> {
  const source = sourceDeclarationAt(job.documentDeclaration, at);
  const pages = listPages(source);
  const fetchOptions = { ...options, acceptLanguage: source.accept_language };
  const texts = await Promise.all(
    pages.map((page) =>
      scheduler.run(page.url, async (): Promise<{ text: string; fetcher: Fetcher }> => {
        if (page.needsBrowser) {
          if (!browser) throw new FetchError(`${page.url} needs a browser, and none is available in this run.`, 'browser', page.url);
          const html = await browser.fetch(page.url, fetchOptions);
          return { text: extractPage(html, { ...page, noise: source.noise }), fetcher: 'browser' };
        }
        const fetched = await fetchPage(page.url, fetchOptions);
        if (fetched.kind === 'pdf') return { text: await pdfToText(fetched.bytes, page.url, source.noise.date_formats), fetcher: 'pdf' };
        return { text: extractPage(fetched.html, { ...page, url: fetched.finalUrl, noise: source.noise }), fetcher: 'html' };
      }),
    ),
  );
  texts.forEach(({ text }, index) => assertPolicyText(text, pages[index]!.url));
  return {
    body: combinePages(texts.map(({ text }) => text)),
    sources: pages.map((page) => page.url),
    fetchers: [...new Set(texts.map(({ fetcher }) => fetcher))],
    capturedAt: new Date(Math.floor(now().getTime() / 1000) * 1000),
  };
}

/** Whether the declaration of `document` differs between the platform.yml of `commit` and the current one. */
async function declarationChangedSince(repoDir: string, commit: string, job: Job): Promise<boolean> {
  const relative = path.posix.join(PLATFORMS_DIR, job.platform, 'platform.yml');
  const before = await readFileAt(simpleGit(repoDir), commit, relative);
  if (before === undefined) return true;
  const old = (YAML.parse(before) as { documents?: Record<string, unknown> })?.documents?.[job.document];
  const current = YAML.parse(await readFile(path.join(repoDir, relative), 'utf8')) as { documents?: Record<string, unknown> };
  return JSON.stringify(old) !== JSON.stringify(current.documents?.[job.document]);
}

/** Fetches, extracts, guards and records every selected document; never stops at the first failure. */
export async function trackDocuments(options: TrackOptions): Promise<RunReport> {
  const startedAt = new Date();
  const now = options.now ?? (() => new Date());
  const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...options.fetchOptions };
  const declarations = await loadDeclarations(path.join(options.repoDir, 'content'));
  const jobs = selectJobs(declarations, options);
  const scheduler = createHostScheduler(options.concurrency ?? 4);
  const git = simpleGit(options.repoDir);
  const pending = await readState(options.statePath);
  const seenShrinks = new Set<string>();
  let commitQueue: Promise<unknown> = Promise.resolve();

  async function recordJob(job: Job): Promise<DocumentResult> {
    const relativeFile = path.posix.join(PLATFORMS_DIR, job.platform, `${job.document}.md`);
    const base = {
      platform: job.platform,
      document: job.document,
      type: job.documentDeclaration.type,
      file: relativeFile,
    };
    let capture: Capture;
    try {
      capture = await captureDocument(job, now(), fetchOptions, scheduler, options.browser, now);
    } catch (error) {
      return failure(base, error, now());
    }
    const text = formatRecordedText(
      { platform: job.declaration.name, type: job.documentDeclaration.type, sources: capture.sources },
      capture.body,
    );
    const common = { ...base, capturedAt: capture.capturedAt.toISOString(), sources: capture.sources, fetchers: capture.fetchers };
    // Commits go one at a time: git has one index.
    const run = commitQueue.then(async (): Promise<DocumentResult> => {
      const absoluteFile = path.join(options.repoDir, relativeFile);
      const last = await readLastRecord(git, relativeFile);
      const onDisk = await readFile(absoluteFile, 'utf8').catch(() => undefined);
      if (last && last.text === text) {
        // A run killed between writing and committing left the file changed: put back the last good version.
        if (onDisk !== last.text && !options.dryRun) await writeFileAtomic(absoluteFile, last.text);
        return { ...common, status: 'unchanged' };
      }
      const key = `${job.platform}/${job.document}`;
      if (last) {
        const previousBody = last.text.replace(/^---\n[\s\S]*?\n---\n\n?/, '');
        const threshold = sourceDeclarationAt(job.documentDeclaration, capture.capturedAt).shrink_threshold;
        if (isSuspiciousShrink(previousBody, capture.body, threshold)) {
          const sha256 = createHash('sha256').update(text).digest('hex');
          const confirmed = pending[key]?.sha256 === sha256;
          if (!confirmed && !options.force) {
            seenShrinks.add(key);
            pending[key] = { sha256, seenAt: capture.capturedAt.toISOString() };
            return {
              ...common,
              status: 'failed',
              category: 'suspicious-shrink',
              message: `The text shrank from ${previousBody.length} to ${capture.body.length} characters (more than ${Math.round(threshold * 100)}%). Not recorded: it will be if the next run sees the same text, or run again with --force.`,
            };
          }
        }
      }
      let kind: RecordKind = 'first';
      if (last) {
        const extractorChanged = trailerValues(last.trailers, 'Extractor-Version')[0] !== EXTRACTOR_VERSION;
        kind = extractorChanged || (await declarationChangedSince(options.repoDir, last.commit, job)) ? 'technical' : 'change';
      }
      const result: DocumentResult = { ...common, status: kind === 'technical' ? 'technical' : 'recorded', kind };
      if (options.dryRun) return result;
      await writeFileAtomic(absoluteFile, text);
      if (options.commit === false) return result;
      const trailers: Trailer[] = [
        ...capture.sources.map((url): Trailer => ['Source', url]),
        ...capture.fetchers.map((fetcher): Trailer => ['Fetcher', fetcher]),
        ['Extractor-Version', EXTRACTOR_VERSION],
      ];
      const message = formatRecordMessage({ kind, platformName: job.declaration.name, documentTitle: job.documentDeclaration.type, trailers });
      return { ...result, commit: await commitFile(options.repoDir, relativeFile, message, capture.capturedAt) };
    });
    commitQueue = run.catch(() => undefined);
    try {
      return await run;
    } catch (error) {
      return failure(base, error, capture.capturedAt);
    }
  }

  const results = await Promise.all(
    jobs.map(async (job) => {
      const result = await recordJob(job);
      options.onResult?.(result);
      return result;
    }),
  );

  if (options.statePath && !options.dryRun) {
    // Forget the pending shrinks of this run's documents that did not shrink again; keep other shards'.
    for (const job of jobs) {
      const key = `${job.platform}/${job.document}`;
      if (!seenShrinks.has(key)) delete pending[key];
    }
    await mkdir(path.dirname(options.statePath), { recursive: true });
    await writeFile(options.statePath, `${JSON.stringify(pending, null, 2)}\n`);
  }
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    extractorVersion: EXTRACTOR_VERSION,
    dryRun: Boolean(options.dryRun),
    commit: options.commit !== false && !options.dryRun,
    ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
    results,
  };
}

function failure(
  base: Pick<DocumentResult, 'platform' | 'document' | 'type' | 'file'>,
  error: unknown,
  at: Date,
): DocumentResult {
  const category = error instanceof FetchError || error instanceof ExtractError ? error.category : 'internal';
  return {
    ...base,
    status: 'failed',
    category,
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof FetchError ? { url: error.url } : {}),
    capturedAt: at.toISOString(),
    sources: [],
    fetchers: [],
  };
}

/**
 * Commits the files that `--no-commit` shard runs wrote and reported (the shards' files are copied
 * into this checkout first): one commit per recorded document, dated with its capture time.
 */
export async function commitReportedResults(repoDir: string, report: RunReport): Promise<RunReport> {
  const declarations = await loadDeclarations(path.join(repoDir, 'content'));
  const results: DocumentResult[] = [];
  for (const result of report.results) {
    if ((result.status !== 'recorded' && result.status !== 'technical') || result.commit || !result.kind) {
      results.push(result);
      continue;
    }
    const platformName = declarations.get(result.platform)?.name;
    if (!platformName) {
      results.push({ ...result, status: 'failed', category: 'internal', message: `Platform "${result.platform}" of the report is not declared here.` });
      continue;
    }
    const trailers: Trailer[] = [
      ...result.sources.map((url): Trailer => ['Source', url]),
      ...result.fetchers.map((fetcher): Trailer => ['Fetcher', fetcher]),
      ['Extractor-Version', report.extractorVersion],
    ];
    const message = formatRecordMessage({ kind: result.kind, platformName, documentTitle: result.type, trailers });
    const commit = await commitFile(repoDir, result.file, message, new Date(result.capturedAt));
    results.push({ ...result, commit });
  }
  return { ...report, commit: true, results };
}
