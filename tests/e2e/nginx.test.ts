/**
 * deploy/nginx/guide.conf, tried for real: nginx serves the sub-path build on a
 * loopback port with the recipe (only the listen address, the folder and the
 * sub-path changed), and the test checks what a browser would get. Skipped, with
 * the reason, where nginx is not installed (`apt-get install nginx-light`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseHeadersFile } from '../support/deploy-configs.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('subpathSiteDir');

function findNginx(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    try {
      accessSync(join(dir, 'nginx'), constants.X_OK);
      return join(dir, 'nginx');
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const nginx = findNginx();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Resolves once something accepts connections on the port, or rejects after `timeoutMs`. */
async function waitForPort(port: number, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`nginx did not listen on port ${port} within ${timeoutMs} ms`);
}

describe.skipIf(!nginx)('deploy/nginx/guide.conf serving the sub-path build', () => {
  let dir = '';
  let origin = '';
  let base = '/';
  let child: ChildProcess | undefined;
  let stderr = '';

  beforeAll(async () => {
    base = (await readHandoutIndex(siteDir)).base;
    expect(base, 'the sub-path build').not.toBe('/');
    dir = await mkdtemp(join(tmpdir(), 'guide-nginx-'));
    await mkdir(join(dir, 'snippets'));
    await copyFile(join(PROJECT_ROOT, 'deploy/nginx/guide-headers.conf'), join(dir, 'snippets', 'guide-headers.conf'));
    await copyFile('/etc/nginx/mime.types', join(dir, 'mime.types'));
    const port = await freePort();
    const recipe = (await readFile(join(PROJECT_ROOT, 'deploy/nginx/guide.conf'), 'utf8'))
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replaceAll('/var/www/guide/', `${siteDir}/`)
      .replaceAll('/guide/', base);
    await writeFile(join(dir, 'guide.conf'), recipe);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((name) => `  ${name}_temp_path ${join(dir, name)};`)
      .join('\n');
    // Started as root (CI), nginx would serve as "nobody", who cannot read a build inside a
    // private folder (a clone in `mktemp -d`); its workers then stay the user who owns the build.
    const user = process.getuid?.() === 0 ? 'user root;\n' : '';
    await writeFile(
      join(dir, 'nginx.conf'),
      `${user}daemon off;\nworker_processes 1;\npid ${join(dir, 'nginx.pid')};\nerror_log stderr;\nevents {}\nhttp {\n  include mime.types;\n  access_log off;\n${temp}\n  include guide.conf;\n}\n`,
    );
    child = spawn(nginx!, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitForPort(port, child).catch((error: Error) => {
      throw new Error(`${error.message}\n${stderr}`);
    });
    origin = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sends the _headers security headers on pages, files and the 404 page', async () => {
    const wanted = headersOf();
    for (const path of ['', 'glossary/', 'manifest.webmanifest', 'sw.js', 'no-such-page/']) {
      const response = await fetch(`${origin}${base}${path}`);
      for (const [name, value] of Object.entries(wanted))
        expect(response.headers.get(name), `${path}: ${name}`).toBe(value);
    }
  });

  it('serves the pages under the sub-path, and the guide’s own page for a missing one', async () => {
    const page = await fetch(`${origin}${base}glossary/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`href="${base}glossary/"`);
    const missing = await fetch(`${origin}${base}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/<title>404 \|/);
  });

  it('gives the manifest, scripts and styles their types, and never caches the service worker', async () => {
    expect((await fetch(`${origin}${base}manifest.webmanifest`)).headers.get('content-type')).toBe(
      'application/manifest+json',
    );
    const worker = await fetch(`${origin}${base}sw.js`);
    expect(worker.headers.get('content-type')).toBe('application/javascript');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${origin}${base}glossary/`)).headers.get('cache-control')).toBeNull();
    const html = await (await fetch(`${origin}${base}`)).text();
    const css = /href="([^"]+\.css)"/.exec(html)?.[1];
    expect(css, 'a stylesheet link on the home page').toBeDefined();
    expect((await fetch(`${origin}${css}`)).headers.get('content-type')).toBe('text/css');
  });
});

if (!nginx)
  describe('deploy/nginx/guide.conf', () =>
    it.skip('nginx is not installed here (Debian: apt-get install nginx-light); deploy/nginx is only checked by tests/unit/deploy.test.ts', () =>
      undefined));

/** The security headers of public/_headers, lower-cased names. */
function headersOf(): Record<string, string> {
  return parseHeadersFile(readFileSync(join(PROJECT_ROOT, 'public/_headers'), 'utf8'))['/*'] ?? {};
}

describe('_headers in a sub-path build (Netlify, Cloudflare Pages)', () => {
  it('is at the root of the built folder, where those hosts look, with rules for every path', async () => {
    const built = parseHeadersFile(await readFile(join(siteDir, '_headers'), 'utf8'));
    expect(built['/*']).toEqual(headersOf());
  });
});
