import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, posix, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The page's Content Security Policy, sent as a header as well as the page's `<meta>`. */
export const PAGE_CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The page as one self-contained file (`dist/offline.html`), to save and open from disk. Sent as a
 * download: its CSP allows its inline script by hash, which the header's stricter CSP here would not.
 */
export const OFFLINE_PAGE = 'offline.html';
const OFFLINE_FILE_NAME = 'whydenied.html';

/** Types worth compressing: text. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.svg']);

/** A running static server. */
export interface StaticServer {
  readonly server: Server;
  /** `http://HOST:PORT/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Resolves a request path inside `root`, or `null` when it would leave it (`..`, encoded separators,
 * NUL) or is malformed. `/` is the page itself.
 */
export function resolveInside(root: string, rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null;
  const normal = posix.normalize(decoded);
  if (!normal.startsWith('/')) return null;
  const relative = normal === '/' ? 'index.html' : normal.slice(1);
  const full = resolve(root, relative);
  return full === root || full.startsWith(root.endsWith(sep) ? root : `${root}${sep}`) ? full : null;
}

/** Whether `host` is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

/**
 * Serves the files of `root` over HTTP: GET and HEAD only, never outside `root`, with the page's CSP
 * and `nosniff` on every answer, text gzipped when the client accepts it. Requests naming a host other
 * than `host` itself or a loopback name (with the port) are refused (DNS rebinding), whatever address
 * it listens on. A file being sent is closed when the client goes away before the end.
 */
export async function startStaticServer(root: string, host: string, port: number): Promise<StaticServer> {
  const base = resolve(root);
  const gzipped = new Map<string, { mtime: number; body: Buffer }>();
  const allowedHosts = new Set<string>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    response.setHeader('Content-Security-Policy', PAGE_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    const finish = (status: number, text: string) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : `${text}\n`);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return finish(405, 'method not allowed');
    }
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) {
      return finish(421, 'misdirected request');
    }
    const path = resolveInside(base, (request.url ?? '/').split('?')[0]?.split('#')[0] ?? '/');
    if (path === null) return finish(400, 'bad path');
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      return finish(404, 'not found');
    }
    if (!info.isFile()) return finish(404, 'not found');
    const ext = extname(path).toLowerCase();
    response.setHeader('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
    response.setHeader(
      'Cache-Control',
      path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    response.setHeader('Vary', 'Accept-Encoding');
    if (path === join(base, OFFLINE_PAGE)) {
      response.setHeader('Content-Disposition', `attachment; filename="${OFFLINE_FILE_NAME}"`);
    }
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && COMPRESSIBLE.has(ext)) {
      let cached = gzipped.get(path);
      if (cached === undefined || cached.mtime !== info.mtimeMs) {
        cached = { mtime: info.mtimeMs, body: gzipSync(await readFile(path)) };
        gzipped.set(path, cached);
      }
      response.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': cached.body.length });
      response.end(request.method === 'HEAD' ? undefined : cached.body);
      return;
    }
    response.writeHead(200, { 'Content-Length': info.size });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // unlike pipe, pipeline closes the file when the response ends early (a client that went away)
    pipeline(createReadStream(path), response, () => {});
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  // once listening, an error is a connection the system could not accept (EMFILE): that client is
  // refused, the server goes on
  server.on('error', () => {});
  const actual = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  for (const name of [shown.toLowerCase(), 'localhost', '127.0.0.1', '[::1]']) {
    allowedHosts.add(`${name}:${actual}`);
  }
  return {
    server,
    url: `http://${shown}:${actual}/`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Where the built page is: `packages/web/dist` beside the CLI bundle (`dist/main.js`) or its source. */
export function findWebDist(from: string = import.meta.url): string | null {
  for (const up of ['../../web/dist/', '../../../web/dist/']) {
    const candidate = new URL(up, from);
    if (candidate.protocol !== 'file:') continue;
    const dir = fileURLToPath(candidate);
    if (existsSync(join(dir, 'index.html'))) return resolve(dir);
  }
  return null;
}
