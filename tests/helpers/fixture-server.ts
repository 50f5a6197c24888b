import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the fixture server answers on one path. `body` is sent with `contentType`; the fault fields
 * make the answer misbehave the way real sites do.
 */
export interface FixtureRoute {
  status?: number;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Waits this long before answering (to exceed a client timeout). */
  delayMs?: number;
  /** Sends part of the body, then destroys the socket. */
  resetMidBody?: boolean;
  /** Streams this many bytes of filler HTML, in 64 KB chunks, as long as the client reads. */
  streamBytes?: number;
  /** Answers with a 302 to this location. */
  redirectTo?: string;
  /** Answers the first N requests with this route instead (e.g. a 503 then the page). */
  firstAnswers?: FixtureRoute[];
}

/** A fixture HTTP server on 127.0.0.1 with a mutable route table and a request log. */
export interface FixtureServer {
  origin: string;
  routes: Map<string, FixtureRoute>;
  /** Paths requested, in order, with the headers that came with them. */
  requests: { path: string; headers: IncomingMessage['headers']; at: number }[];
  /** Bytes actually written for a streamed body, per path. */
  streamedBytes: Map<string, number>;
  url(path: string): string;
  close(): Promise<void>;
}

function answer(route: FixtureRoute, request: IncomingMessage, response: ServerResponse, server: FixtureServer): void {
  const path = request.url ?? '/';
  if (route.redirectTo) {
    response.writeHead(302, { location: route.redirectTo });
    response.end();
    return;
  }
  const headers: Record<string, string> = { ...route.headers };
  if (route.contentType !== undefined) headers['content-type'] = route.contentType;
  if (route.streamBytes) {
    response.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < route.streamBytes!) {
        sent += chunk.length;
        server.streamedBytes.set(path, sent);
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    response.on('close', () => response.removeAllListeners('drain'));
    pump();
    return;
  }
  const body = route.body ?? '';
  if (route.resetMidBody) {
    const bytes = Buffer.from(body);
    response.writeHead(route.status ?? 200, { 'content-length': String(bytes.length), ...headers });
    response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy());
    return;
  }
  response.writeHead(route.status ?? 200, headers);
  response.end(body);
}

/** Starts the server on 127.0.0.1, port 0; unknown paths get 404. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const sockets = new Set<Socket>();
  // Counted per route object, so setting a new route starts its firstAnswers afresh.
  const served = new WeakMap<FixtureRoute, number>();
  const server: FixtureServer = {
    origin: '',
    routes: new Map(),
    requests: [],
    streamedBytes: new Map(),
    url: (path) => `${server.origin}${path}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  const http = createServer((request, response) => {
    const path = request.url ?? '/';
    server.requests.push({ path, headers: request.headers, at: Date.now() });
    let route = server.routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not found</h1>');
      return;
    }
    const count = served.get(route) ?? 0;
    served.set(route, count + 1);
    if (route.firstAnswers && count < route.firstAnswers.length) route = route.firstAnswers[count]!;
    const chosen = route;
    if (chosen.delayMs) {
      const timer = setTimeout(() => answer(chosen, request, response, server), chosen.delayMs);
      response.on('close', () => clearTimeout(timer));
    } else answer(chosen, request, response, server);
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return server;
}
