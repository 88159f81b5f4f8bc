import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeBase, resolveRequestPath, serveStatic, type StaticServer } from '../../scripts/handouts/server.ts';

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
    expect(risks.headers.get('content-type')).toBe('text/html; charset=utf-8');
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

  it('never serves files outside the site folder', () => {
    for (const path of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/a/../../etc/passwd']) {
      const file = resolveRequestPath('/srv/site', '/', path);
      expect(file === undefined || file.startsWith('/srv/site/'), `${path} -> ${file}`).toBe(true);
    }
    expect(resolveRequestPath('/srv/site', '/', '/%E0%A4%A')).toBeUndefined();
  });

  it('normalizes base paths', () => {
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('patient-guide')).toBe('/patient-guide/');
    expect(normalizeBase('/patient-guide/')).toBe('/patient-guide/');
  });
});
