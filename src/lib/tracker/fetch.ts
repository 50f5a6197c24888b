import iconv from 'iconv-lite';
import { FetchError } from '../errors';

/** The user agent of every request: who we are and where to complain. */
export const USER_AGENT = 'FineprintBot/1.0 (+https://github.com/fineprint-archive/fineprint; policy archive)';

/** Options of one page fetch; the defaults suit the daily run, tests shorten the times. */
export interface FetchOptions {
  acceptLanguage: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxRedirects: number;
  maxBytes: number;
  /** A Retry-After longer than this fails the fetch instead of waiting. */
  maxRetryAfterMs: number;
  userAgent: string;
}

/** The defaults of a tracker run. */
export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  acceptLanguage: 'en',
  timeoutMs: 30_000,
  retries: 2,
  backoffMs: 2_000,
  maxRedirects: 5,
  maxBytes: 20 * 1024 * 1024,
  maxRetryAfterMs: 120_000,
  userAgent: USER_AGENT,
};

/** A fetched page: decoded HTML, or the bytes of a PDF. */
export type FetchedPage =
  | { kind: 'html'; url: string; finalUrl: string; html: string }
  | { kind: 'pdf'; url: string; finalUrl: string; bytes: Uint8Array };

const RETRYABLE = new Set(['timeout', 'connection-reset', 'http-429', 'http-5xx']);

/** The report category of an HTTP status that is not a success. */
export function statusToCategory(status: number): string {
  if (status === 403 || status === 404 || status === 429) return `http-${status}`;
  if (status >= 500) return 'http-5xx';
  return 'http-4xx';
}

/** The category of a network error thrown by fetch (undici puts the system error in `cause`). */
export function networkErrorToCategory(error: unknown): string {
  const cause = (error as { cause?: { code?: string; name?: string } })?.cause;
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns';
  if (code === 'ECONNREFUSED') return 'connection-refused';
  if (code === 'EPROTO' || /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'tls';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  return 'connection-reset';
}

/** Milliseconds a Retry-After header asks to wait (seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The charset of a response: the Content-Type parameter, else a BOM, else a <meta> in the first 2 KB, else UTF-8. */
export function detectCharset(contentType: string, bytes: Uint8Array): string {
  const fromHeader = /charset="?([\w.:-]+)"?/i.exec(contentType)?.[1];
  if (fromHeader && iconv.encodingExists(fromHeader)) return fromHeader.toLowerCase();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const fromMeta = /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1];
  if (fromMeta && iconv.encodingExists(fromMeta)) return fromMeta.toLowerCase();
  return 'utf-8';
}

function contentKind(contentType: string, bytes: Uint8Array): 'html' | 'pdf' | undefined {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'application/pdf') return 'pdf';
  if (mime === '' || mime === 'application/octet-stream') {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
    if (head.startsWith('%PDF-')) return 'pdf';
    if (/<html|<!doctype html/i.test(head)) return 'html';
  }
  return undefined;
}

/** Reads a body up to `maxBytes`, cancelling the stream (not buffering the rest) when it is larger. */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(
        `The page at ${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Check the URL in the declaration, or raise the size cap.`,
        'body-too-large',
        url,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One attempt: follows redirects itself (to count them) and returns the decoded page, or throws a FetchError. */
async function fetchOnce(url: string, options: FetchOptions): Promise<FetchedPage> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`timed out after ${options.timeoutMs} ms`, 'TimeoutError')),
    options.timeoutMs,
  );
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      let response: Response;
      try {
        response = await fetch(current, {
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            'user-agent': options.userAgent,
            'accept-language': options.acceptLanguage,
            accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5',
          },
        });
      } catch (error) {
        throw networkError(error, current, controller);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined);
        if (redirects >= options.maxRedirects) {
          throw new FetchError(
            `More than ${options.maxRedirects} redirects from ${url} (last: ${current}). The page may loop between URLs: update the URL in the declaration.`,
            'too-many-redirects',
            url,
          );
        }
        current = new URL(response.headers.get('location')!, current).href;
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined);
        const category = statusToCategory(response.status);
        const error = new FetchError(
          `HTTP ${response.status} from ${current}.${hintForStatus(response.status)}`,
          category,
          url,
        );
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        throw Object.assign(error, { retryAfterMs: retryAfter });
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response.body, options.maxBytes, url);
      } catch (error) {
        if (error instanceof FetchError) throw error;
        throw networkError(error, current, controller);
      }
      if (bytes.byteLength === 0) {
        throw new FetchError(`Empty response (HTTP ${response.status}, no body) from ${current}. Try again later.`, 'empty-response', url);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const kind = contentKind(contentType, bytes);
      if (kind === 'pdf') return { kind, url, finalUrl: current, bytes };
      if (kind === 'html') {
        const html = iconv.decode(Buffer.from(bytes), detectCharset(contentType, bytes));
        return { kind, url, finalUrl: current, html };
      }
      throw new FetchError(
        `Unsupported content type "${contentType || '(none)'}" at ${current}: only HTML and PDF are tracked. Check the URL in the declaration.`,
        'unsupported-content-type',
        url,
      );
    }
  } finally {
    clearTimeout(timer);
  }
}

function hintForStatus(status: number): string {
  if (status === 403) return ' The site refuses the tracker: the page may now need a browser (needs_browser: true).';
  if (status === 404) return ' The page is gone: find its new URL and update the declaration.';
  if (status === 429) return ' The site rate-limits the tracker: it will be retried on the next run.';
  if (status >= 500) return ' The site has a server error: it will be retried on the next run.';
  return ' Check the URL in the declaration.';
}

function networkError(error: unknown, url: string, controller: AbortController): FetchError {
  const category = controller.signal.aborted ? 'timeout' : networkErrorToCategory(error);
  const detail = (error as { cause?: { message?: string } })?.cause?.message ?? (error as Error).message;
  const hints: Record<string, string> = {
    timeout: 'The site is slow or unreachable: it will be retried on the next run.',
    dns: 'The host name does not resolve: check the URL in the declaration.',
    tls: 'The TLS handshake failed (certificate or protocol): check the URL, or the site is misconfigured.',
    'connection-refused': 'Nothing listens at this address: check the URL.',
    'connection-reset': 'The connection broke before the page was complete: it will be retried on the next run.',
  };
  return new FetchError(`Fetching ${url} failed (${category}: ${detail}). ${hints[category]}`, category, url, { cause: error });
}

/** Fetches one page with retries and backoff, honouring Retry-After on 429 and 503. */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, options);
    } catch (error) {
      if (!(error instanceof FetchError) || !RETRYABLE.has(error.category) || attempt >= options.retries) throw error;
      const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
      if (retryAfter !== undefined && retryAfter > options.maxRetryAfterMs) {
        throw new FetchError(
          `${error.message} The site asks to wait ${Math.round(retryAfter / 1000)} s, longer than the tracker waits.`,
          error.category,
          url,
        );
      }
      await sleep(retryAfter ?? options.backoffMs * 2 ** attempt);
    }
  }
}
