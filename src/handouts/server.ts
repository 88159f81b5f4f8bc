/**
 * The static file server for the built site: the handout renderer, the kiosk
 * (`npm run serve`), the bench and the tests all use it. Files go out through sirv
 * (content types, ranges); this module decides what may be answered at all:
 * GET and HEAD only, known Host names only, real files inside the site only (see
 * site-file.ts), the configured headers on every answer, and no error, from a request
 * or a file stream, that can take the process down.
 */
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import sirv from 'sirv';
import { normalizeBase } from '../lib/base-path.ts';
import { findSiteFile } from './site-file.ts';

export interface StaticServer {
  /** Origin with the base path, e.g. "http://127.0.0.1:41234/patient-guide/". */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Folder to serve (the built site). */
  root: string;
  /** Base path the site was built for (Astro `base`), e.g. "/" or "/patient-guide/". */
  base?: string;
  /** Interface to listen on. Default: 127.0.0.1, this computer only. */
  host?: string;
  /** Port to listen on. Default: 0, a free port the OS picks. */
  port?: number;
  /** Headers for every answer to a URL path (from the site root); the kiosk sends those of the site's `_headers`. */
  headers?: (urlPath: string) => Array<[string, string]>;
  /**
   * Host names a request may carry in its Host header (any port). A page on another
   * site that points its own name at this computer (DNS rebinding) is refused.
   * Default: the loopback names and `host`.
   */
  allowedHosts?: string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const ALLOWED_METHODS = 'GET, HEAD';

/** The host name of a Host header, without port or IPv6 brackets, lower case. */
export function hostName(header: string): string {
  const name = header.startsWith('[') ? header.slice(1, header.indexOf(']')) : (header.split(':')[0] ?? '');
  return name.toLowerCase().replace(/\.$/, '');
}

/** Drops a Range header sirv would misread (several ranges, suffix ranges, end before start): the whole file is sent instead. */
function dropUnusableRange(request: IncomingMessage): void {
  const range = request.headers.range;
  if (range === undefined) return;
  const match = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
  if (!match || (match[2] !== '' && Number(match[2]) < Number(match[1]))) delete request.headers.range;
}

/** An answer without a file: a status, a short text or the site's 404 page. */
function sendText(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  head = false,
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
  });
  response.end(head ? undefined : body);
}

/** Starts serving `root`; resolves once the server is listening. */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const realRoot = await realpath(options.root);
  const base = normalizeBase(options.base ?? '/');
  const host = options.host ?? '127.0.0.1';
  const allowedHosts = new Set((options.allowedHosts ?? [...LOOPBACK_NAMES, host]).map(hostName));
  // dev: read the disk on every request, as a rebuild may change dist/ while the kiosk runs. No ETag:
  // sirv then sends "Cache-Control: no-store", so a browser never answers from a stale copy, and the
  // renderer, which accepts only 200, never sees a 304 for a page it loaded before.
  const files = sirv(realRoot, { dev: true, etag: false, dotfiles: false, extensions: [] });

  async function notFound(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const page = await findSiteFile(realRoot, '404.html');
    const body = page ? await readFile(join(realRoot, page)).catch(() => undefined) : undefined;
    if (body) sendText(response, 404, body, 'text/html; charset=utf-8', request.method === 'HEAD');
    else sendText(response, 404, 'Not found\n', undefined, request.method === 'HEAD');
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? '/';
    let pathname: string;
    try {
      // Resolves "..", "%2e%2e" and backslashes the way a browser would; "//x" stays a path, not a host.
      pathname = new URL(target.startsWith('/') ? `http://site.invalid${target}` : target).pathname;
    } catch {
      sendText(response, 400, 'Malformed URL.\n');
      return;
    }
    const sitePath = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    for (const [name, value] of options.headers?.(sitePath === undefined ? pathname : `/${sitePath}`) ?? [])
      response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', ALLOWED_METHODS);
      sendText(response, 405, 'Only GET and HEAD are allowed.\n');
      return;
    }
    if (!allowedHosts.has(hostName(request.headers.host ?? ''))) {
      sendText(response, 421, 'Unknown host name: open the address "npm run serve" printed.\n');
      return;
    }
    let file: string | undefined;
    try {
      file = sitePath === undefined ? undefined : await findSiteFile(realRoot, decodeURIComponent(sitePath));
    } catch {
      sendText(response, 400, 'Malformed URL.\n');
      return;
    }
    if (file === undefined) return notFound(request, response);
    // sirv opens the file after its headers are out: a file removed in between (a rebuild)
    // fails the stream, which nothing else listens to. End that answer, keep the server.
    response.once('pipe', (source: Readable) => source.once('error', () => response.destroy()));
    request.url = `/${file.split('/').map(encodeURIComponent).join('/')}`;
    dropUnusableRange(request);
    files(request, response, () => notFound(request, response));
  }

  const server: Server = createServer((request, response) => {
    response.on('error', () => response.destroy());
    answer(request, response).catch((error: NodeJS.ErrnoException) => {
      if (response.headersSent) response.destroy();
      // sirv looks a file up again: during a rebuild it may be gone by then.
      else if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
        void notFound(request, response).catch(() => response.destroy());
      else sendText(response, 500, 'Internal error.\n');
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
