import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/handouts/server.ts';
import { rawRequest } from '../support/http.ts';

describe('static server for the built site', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'guide-server-'));
    await mkdir(join(root, 'risks'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<h1>Home</h1>');
    await writeFile(join(root, 'risks', 'index.html'), '<h1>Risks</h1>');
    await writeFile(join(root, '404.html'), '<h1>Not found</h1>');
    await writeFile(join(root, 'pagefind.wasm'), 'wasm');
    server = await serveStatic({ root, base: '/patient-guide/' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on loopback on an OS-assigned port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/patient-guide/`);
  });

  it('serves pages under the base path, with index.html for folders', async () => {
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe('<h1>Home</h1>');
    const risks = await fetch(`${server.url}risks/`);
    expect(await risks.text()).toBe('<h1>Risks</h1>');
    expect(risks.headers.get('content-type')).toMatch(/^text\/html;\s*charset=utf-8$/);
  });

  it('sends WebAssembly with its own type (Pagefind needs it)', async () => {
    const wasm = await fetch(`${server.url}pagefind.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  it('answers 404 with the site 404 page outside the base path or for missing files', async () => {
    for (const path of ['/risks/', '/patient-guide/missing/']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('<h1>Not found</h1>');
    }
  });

  it('never serves files outside the site folder', async () => {
    for (const path of [
      '/patient-guide/../etc/passwd',
      '/patient-guide/%2e%2e/%2e%2e/etc/passwd',
      '/patient-guide/a/../../etc/passwd',
      '/patient-guide/%E0%A4%A',
    ]) {
      const answer = await rawRequest(server.origin, path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body, path).not.toContain('root:');
    }
  });

  it('answers a byte range (PDF viewers ask for them), and the whole file for a range it cannot use', async () => {
    const part = await fetch(`${server.url}pagefind.wasm`, { headers: { range: 'bytes=1-2' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('as');
    for (const range of ['bytes=3-1', 'bytes=-2', 'bytes=0-1,2-3', 'pages=1']) {
      const whole = await fetch(`${server.url}pagefind.wasm`, { headers: { range } });
      expect(whole.status, range).toBe(200);
      expect(await whole.text(), range).toBe('wasm');
    }
  });

  it('lets no browser keep a copy, so a rebuilt page is never shown stale and never answered with 304', async () => {
    const home = await fetch(server.url);
    expect(home.headers.get('cache-control')).toBe('no-store');
    const again = await fetch(server.url, {
      headers: { 'if-none-match': home.headers.get('etag') ?? '*', 'if-modified-since': new Date().toUTCString() },
    });
    expect(again.status).toBe(200);
  });
});
