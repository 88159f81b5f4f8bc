/**
 * A small static file server for the built site, bound to 127.0.0.1 on a port
 * the OS picks, so the renderer never depends on a fixed free port or the network.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/** Pagefind's index files carry their own extensions (.pf_meta, .pf_index, .pf_fragment). */
const DEFAULT_TYPE = 'application/octet-stream';

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
  host?: string;
  port?: number;
}

/** Maps a URL path to a file inside `root`, or undefined when it falls outside it. */
export function resolveRequestPath(root: string, base: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (!path.startsWith(base)) return undefined;
  const relative = normalize(path.slice(base.length - 1));
  const file = join(root, relative);
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  if (file !== root && !file.startsWith(rootWithSep)) return undefined;
  return file;
}

async function findFile(file: string): Promise<string | undefined> {
  for (const candidate of [file, join(file, 'index.html'), `${file}.html`]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

/** Starts serving `root`; resolves once the server is listening. */
export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = normalizeBase(options.base ?? '/');
  const host = options.host ?? '127.0.0.1';

  const server: Server = createServer((request, response) => {
    void (async () => {
      const mapped = resolveRequestPath(root, base, request.url ?? '/');
      const file = mapped ? await findFile(mapped) : undefined;
      if (!file) {
        const notFound = await findFile(join(root, '404.html'));
        response.writeHead(404, { 'Content-Type': MIME_TYPES['.html'] });
        if (notFound && request.method !== 'HEAD') createReadStream(notFound).pipe(response);
        else response.end();
        return;
      }
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? DEFAULT_TYPE,
        'Cache-Control': 'no-cache',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    })().catch((error: unknown) => {
      response.destroy(error as Error);
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

/** "/patient-guide" and "patient-guide/" both become "/patient-guide/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}
