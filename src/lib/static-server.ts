import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** Serves a built site (`dist/`) as a static host such as GitHub Pages would: for previews and tests. */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** The file a request path maps to under `root`, or null; never a path outside `root`. */
export async function resolveStaticFile(root: string, base: string, urlPath: string): Promise<string | null> {
  let path = decodeURIComponent(urlPath.split('?')[0]!);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!`${path}/`.startsWith(prefix)) return null;
  path = path.slice(prefix.length - 1);
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (await isFile(file)) return file;
  if (await isFile(join(file, 'index.html'))) return join(file, 'index.html');
  return null;
}

/** Starts serving `root` under `base` on 127.0.0.1 (port 0 picks a free one). */
export async function startStaticServer(root: string, options: { base?: string; port?: number } = {}) {
  const base = options.base ?? '/';
  const server: Server = createServer(async (request, response) => {
    const file = await resolveStaticFile(root, base, request.url ?? '/').catch(() => null);
    const notFound = file ? null : await resolveStaticFile(root, base, `${base.replace(/\/$/, '')}/404.html`);
    const served = file ?? notFound;
    if (!served) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(file ? 200 : 404, {
      'Content-Type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
    });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
