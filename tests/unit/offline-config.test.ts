import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeCli, reachableHosts, ServeUsageError } from '../../scripts/serve/cli.ts';
import {
  cleanupScript,
  handoutCacheName,
  newBuildId,
  PRECACHE_IGNORES,
  serviceWorkerOptions,
  type BuildCaches,
} from '../../src/integrations/service-worker.ts';
import { withBase } from '../../src/lib/base-path.ts';
import { DEFAULT_DESCRIPTION } from '../../src/lib/clinic-config.ts';
import { manifestEdition } from '../../src/lib/manifest-edition.ts';
import { webAppManifest } from '../../src/lib/web-app-manifest.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

describe('withBase', () => {
  it('adds the base path to site-root links only', () => {
    expect(withBase('/glossary/#rems', '/patient-guide/')).toBe('/patient-guide/glossary/#rems');
    expect(withBase('/patient-guide/glossary/', '/patient-guide/')).toBe('/patient-guide/glossary/');
    expect(withBase('#rems', '/patient-guide/')).toBe('#rems');
    expect(withBase('https://www.fda.gov/', '/patient-guide/')).toBe('https://www.fda.gov/');
    expect(withBase('//cdn.example/x.js', '/patient-guide/')).toBe('//cdn.example/x.js');
    expect(withBase('/glossary/', '/')).toBe('/glossary/');
  });
});

describe('service worker options', () => {
  it('precaches pages and search files, not handouts or the worker itself', () => {
    const options = serviceWorkerOptions('/site');
    expect(options.swDest).toBe('/site/sw.js');
    expect(options.globPatterns).toContain('**/*.html');
    expect(options.globPatterns?.some((pattern) => pattern.startsWith('pagefind/'))).toBe(true);
    expect(PRECACHE_IGNORES).toEqual(expect.arrayContaining(['handouts/**', 'sw.js']));
    expect(options.skipWaiting, 'a new build must not take over an open page').toBe(false);
    expect(options.cleanupOutdatedCaches).toBe(true);
  });
});

describe('service worker caches', () => {
  const build: BuildCaches = { id: 'abc123', base: '/patient-guide/' };

  it('stores only same-origin, complete (200) handout responses', () => {
    const routes = serviceWorkerOptions('/site', build).runtimeCaching ?? [];
    const handoutRoutes = routes.filter((route) => route.options?.cacheName === handoutCacheName(build));
    // Every route that stores handouts (the English one and each other edition's) keeps only 200s.
    expect(handoutRoutes.length).toBeGreaterThan(0);
    for (const route of handoutRoutes) expect(route.options?.cacheableResponse).toEqual({ statuses: [200] });
    // A RegExp route matches another origin only from the start of the URL; these never do.
    for (const route of handoutRoutes.filter((candidate) => candidate.urlPattern instanceof RegExp)) {
      expect((route.urlPattern as RegExp).source.startsWith('http')).toBe(false);
    }
    const handouts = handoutRoutes.find((route) => typeof route.urlPattern === 'function');
    expect(handouts?.options?.cacheableResponse).toEqual({ statuses: [200] });
    expect(handouts?.options?.cacheableResponse?.headers).toBeUndefined();
    const matches = handouts?.urlPattern as (context: { url: URL; sameOrigin: boolean }) => boolean;
    const scope = { registration: { scope: 'https://guide.example.org/patient-guide/' } };
    Object.assign(globalThis, { self: scope });
    try {
      expect(
        matches({ url: new URL('https://guide.example.org/patient-guide/handouts/a4/x.pdf'), sameOrigin: true }),
      ).toBe(true);
      expect(
        matches({ url: new URL('https://elsewhere.example/patient-guide/handouts/a4/x.pdf'), sameOrigin: false }),
      ).toBe(false);
    } finally {
      Reflect.deleteProperty(globalThis, 'self');
    }
  });

  it('names every cache after the build and the base path, and each build differently', () => {
    expect(serviceWorkerOptions('/site', build).cacheId).toContain('abc123');
    expect(handoutCacheName(build)).toBe('guide-handouts-abc123/patient-guide/');
    expect(newBuildId(1_000)).not.toBe(newBuildId(2_000));
    expect(serviceWorkerOptions('/site').cacheId).not.toBe(serviceWorkerOptions('/site').cacheId);
  });

  it('deletes, on activate, the handout caches of older builds of this base path only', async () => {
    const names = ['guide-handouts-old1/patient-guide/', handoutCacheName(build), 'guide-handouts-old1/', 'other-app'];
    const deleted: string[] = [];
    let activate: ((event: { waitUntil: (work: Promise<unknown>) => void }) => void) | undefined;
    const work: Array<Promise<unknown>> = [];
    const fakeSelf = { addEventListener: (_type: string, listener: typeof activate) => (activate = listener) };
    const fakeCaches = { keys: async () => names, delete: async (name: string) => deleted.push(name) };
    new Function('self', 'caches', cleanupScript(build))(fakeSelf, fakeCaches);
    activate?.({ waitUntil: (promise) => work.push(promise) });
    await Promise.all(work);
    expect(deleted).toEqual(['guide-handouts-old1/patient-guide/']);
  });
});

describe('web app manifest', () => {
  const words: Record<string, string> = {
    'guide.manifest.name': '{shortTitle}: {clinic}',
    'guide.manifest.offline': 'Works offline.',
  };
  const clinic = {
    name: 'Test Clinic',
    logo: 'src/assets/test-logo.png',
    title: { en: 'Test Guide', es: 'Guía de prueba' },
    shortTitle: { en: 'Test', es: 'Prueba' },
    description: { ...DEFAULT_DESCRIPTION, es: 'Respuestas de {clinic} sobre las pruebas.' },
  };
  const edition = (lang: 'en' | 'es') => manifestEdition((key) => words[key] ?? key, lang, clinic);

  it('keeps every URL under the base path and names the clinic', () => {
    const manifest = webAppManifest(clinic, '/patient-guide/', edition('en'));
    expect(manifest.start_url).toBe('/patient-guide/');
    expect(manifest.scope).toBe('/patient-guide/');
    expect(manifest.name).toBe('Test: Test Clinic');
    for (const icon of manifest.icons) expect(icon.src.startsWith('/patient-guide/icons/')).toBe(true);
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  });

  it("takes its short name and description from the clinic's config, in the edition's language", () => {
    const manifest = webAppManifest(clinic, '/', edition('es'));
    expect(manifest.short_name).toBe('Prueba');
    expect(manifest.description).toBe('Respuestas de Test Clinic sobre las pruebas. Works offline.');
    expect(manifest.start_url).toBe('/es/');
  });

  it('lists an SVG logo as the scalable icon and a raster logo as PNGs only', () => {
    const raster = webAppManifest(clinic, '/', edition('en')).icons;
    expect(raster.map((icon) => icon.type)).toEqual(['image/png', 'image/png', 'image/png']);
    const svg = webAppManifest({ logo: 'src/assets/logo.svg' }, '/', edition('en')).icons;
    expect(svg[0]).toEqual({ src: '/icons/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' });
  });
});

describe('npm run serve', () => {
  it('serves every network on port 8080 by default', () => {
    expect(parseServeCli([])).toEqual({ dir: 'dist', host: '0.0.0.0', port: 8080, base: undefined, help: false });
    expect(parseServeCli(['--host', '127.0.0.1', '--port', '0', '--dir', 'out']).port).toBe(0);
  });

  it('rejects unknown flags and bad ports with a message', () => {
    expect(() => parseServeCli(['--prot', '80'])).toThrow(ServeUsageError);
    expect(() => parseServeCli(['--port', '99999'])).toThrow(/--port must be a whole number/);
  });

  it('lists the local network addresses a tablet can open', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
      wlan0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 0 },
      ],
    } as Parameters<typeof reachableHosts>[1];
    expect(reachableHosts('0.0.0.0', interfaces)).toEqual({ local: 'localhost', network: ['192.168.1.20'] });
    expect(reachableHosts('127.0.0.1', interfaces)).toEqual({ local: '127.0.0.1', network: [] });
  });
});

describe('the kill-switch service worker (docs/kill-switch-sw.js)', () => {
  it("deletes the guide's caches of its own base path, unregisters itself and reloads open pages", async () => {
    const source = await readFile(join(PROJECT_ROOT, 'docs/kill-switch-sw.js'), 'utf8');
    const listeners = new Map<string, (event: { waitUntil: (work: Promise<unknown>) => void }) => void>();
    const deleted: string[] = [];
    const reloaded: string[] = [];
    let unregistered = false;
    const scope = 'https://guide.example.org/patient-guide/';
    const fakeSelf = {
      addEventListener: (type: string, listener: (event: { waitUntil: (work: Promise<unknown>) => void }) => void) =>
        listeners.set(type, listener),
      skipWaiting: () => undefined,
      registration: { scope, unregister: async () => (unregistered = true) },
      clients: {
        matchAll: async () => [{ url: `${scope}glossary/`, navigate: async (url: string) => reloaded.push(url) }],
      },
    };
    const names = [
      `guide-abc-precache-v2-${scope}`,
      'guide-handouts-abc/patient-guide/',
      'guide-handouts-abc/',
      'other-app',
    ];
    const fakeCaches = { keys: async () => names, delete: async (name: string) => deleted.push(name) };
    new Function('self', 'caches', source)(fakeSelf, fakeCaches);
    const work: Array<Promise<unknown>> = [];
    listeners.get('activate')?.({ waitUntil: (promise) => work.push(promise) });
    await Promise.all(work);
    expect(deleted).toEqual([`guide-abc-precache-v2-${scope}`, 'guide-handouts-abc/patient-guide/']);
    expect(unregistered).toBe(true);
    expect(reloaded).toEqual([`${scope}glossary/`]);
  });
});
