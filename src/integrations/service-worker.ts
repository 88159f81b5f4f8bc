/**
 * What the service worker precaches and how it answers requests, as one typed
 * workbox-build configuration. Kept apart from the Astro hook so unit tests can
 * check the choices without running a build.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SUPPORTED_LANGUAGES } from '../lib/clinic-config.ts';
import { HANDOUT_INDEX_FILE, handoutIndexSchema } from '../contracts/handout-index.ts';
import { parseContract } from '../contracts/friendly-parse.ts';
import { generateSW, type GenerateSWOptions, type GetManifestOptions } from 'workbox-build';

/** File name of the service worker, at the root of the site (its scope is the whole site). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Extra script the service worker loads, next to it: see `cleanupScript()`. */
export const CLEANUP_SCRIPT = 'sw-cleanup.js';

/** The page a patient sees when they open, offline, something this device never saved. */
export const OFFLINE_PAGE = 'offline/index.html';

/** Editions with an offline page of their own besides English (see src/pages/[lang]/offline.astro). */
const OTHER_EDITIONS = SUPPORTED_LANGUAGES.filter((lang) => lang !== 'en');

/** Start of every cache name this guide's service worker uses. */
export const CACHE_PREFIX = 'guide';

/**
 * What makes one build's caches its own: a new id for every build (so nothing cached by an
 * earlier build, even a page whose file did not change, is ever served again) and the base
 * path (so two copies of the guide on one web server never share or delete each other's caches).
 */
export interface BuildCaches {
  id: string;
  base: string;
}

/** A fresh id for a build: base-36 time and a little randomness, safe in a cache name. */
export function newBuildId(now = Date.now()): string {
  return `${now.toString(36)}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/** Runtime cache for printable handouts (PDFs) of one build; older builds' are deleted when a new one takes over. */
export function handoutCacheName(build: BuildCaches): string {
  return `${CACHE_PREFIX}-handouts-${build.id}${build.base}`;
}

/**
 * Everything a patient can open from a page: every page, the styles and scripts,
 * fonts, images, and the files Pagefind's search needs (its script, worker, WebAssembly
 * and index). Pagefind's own UI bundles are left out: Starlight ships its own search UI.
 */
export const PRECACHE_PATTERNS = [
  '**/*.html',
  '_astro/**/*.{js,css,woff2,svg,png,jpg,jpeg,webp,avif}',
  '*.{svg,png,ico,webmanifest,js}',
  'icons/**/*.{svg,png}',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*.pagefind',
  'pagefind/{index,fragment,filter}/**/*',
];

/**
 * Not precached: the handouts (PDFs are large and made after the site; they are cached
 * when first opened instead), the service worker's own files, and data only tools read.
 */
export const PRECACHE_IGNORES = ['handouts/**', SERVICE_WORKER_FILE, CLEANUP_SCRIPT, 'handout-pages.json'];

/** The part of a service worker's global scope the route matchers use (this file is typed for the DOM). */
interface ServiceWorkerScope {
  registration: { scope: string };
}

/**
 * Runs when a new build's worker takes over: deletes every handout cache of this base path
 * but the new build's, so a PDF saved from an older build (or planted there) is never shown
 * next to the new pages. Old precaches are deleted by Workbox (cleanupOutdatedCaches).
 */
export function cleanupScript(build: BuildCaches): string {
  const current = handoutCacheName(build);
  return [
    '// Written by the build (src/plugin/pipeline.ts, last step).',
    "self.addEventListener('activate', (event) => {",
    '  event.waitUntil(',
    '    caches.keys().then((names) =>',
    '      Promise.all(',
    '        names',
    `          .filter((name) => name.startsWith(${JSON.stringify(`${CACHE_PREFIX}-handouts-`)}) && name.endsWith(${JSON.stringify(build.base)}) && name !== ${JSON.stringify(current)})`,
    '          .map((name) => caches.delete(name)),',
    '      ),',
    '    ),',
    '  );',
    '});',
    '',
  ].join('\n');
}

/**
 * Files whose names already change with their content (Astro's hashed assets and
 * Pagefind's index chunks), so the URL alone identifies the version.
 */
const HASHED_URL = /^_astro\/|^pagefind\/(index|fragment|filter)\/|\.pf_meta$/;

/** Which files of a site built into `dir` are precached. Paths in the manifest are relative to the worker. */
export function precacheOptions(dir: string): GetManifestOptions {
  return {
    globDirectory: dir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: PRECACHE_IGNORES,
    dontCacheBustURLsMatching: HASHED_URL,
  };
}

/** Workbox options for the service worker of a site built into `dir`, for one build. */
export function serviceWorkerOptions(
  dir: string,
  build: BuildCaches = { id: newBuildId(), base: '/' },
): GenerateSWOptions {
  return {
    ...precacheOptions(dir),
    swDest: `${dir.replace(/\/$/, '')}/${SERVICE_WORKER_FILE}`,
    // Pagefind adds `?ts=…` to some requests to skip the HTTP cache; the precached copy is the same file.
    ignoreURLParametersMatching: [/^ts$/, /^utm_/],
    directoryIndex: 'index.html',
    // Each build's precache replaces the previous one whole: old entries are removed when it activates.
    cleanupOutdatedCaches: true,
    // A new build waits until sw-register.js hands over at the next page change (see there),
    // so an open page never mixes files from two builds.
    skipWaiting: false,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    // Workbox names its precache "<cacheId>-precache-v2-<scope>": a new id per build makes a new
    // precache that fetches every file again, and the old one is deleted on activate.
    cacheId: `${CACHE_PREFIX}-${build.id}`,
    importScripts: [CLEANUP_SCRIPT],
    runtimeCaching: [
      // Each edition's offline page for its own pages and handouts (es/offline/ for /es/… and es-….pdf).
      ...OTHER_EDITIONS.flatMap((lang) => [
        {
          urlPattern: new RegExp(`/handouts/(.+/)?${lang}-[^/]+\\.pdf$`),
          handler: 'NetworkFirst' as const,
          options: {
            cacheName: handoutCacheName(build),
            cacheableResponse: { statuses: [200] },
            precacheFallback: { fallbackURL: `${lang}/${OFFLINE_PAGE}` },
          },
        },
        {
          urlPattern: new RegExp(`/${lang}/([^.]*/)?$`),
          handler: 'NetworkOnly' as const,
          options: { precacheFallback: { fallbackURL: `${lang}/${OFFLINE_PAGE}` } },
        },
      ]),
      {
        // Serialised into sw.js, so it may only use what a service worker has in scope.
        // Only this site's own handouts, and only complete answers: never another origin's
        // (opaque) response, a redirect, a partial (206) or an error page.
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin &&
          url.pathname.startsWith(
            new URL('handouts/', (self as unknown as ServiceWorkerScope).registration.scope).pathname,
          ),
        handler: 'NetworkFirst',
        options: {
          cacheName: handoutCacheName(build),
          cacheableResponse: { statuses: [200] },
          precacheFallback: { fallbackURL: OFFLINE_PAGE },
        },
      },
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: OFFLINE_PAGE } },
      },
    ],
  };
}

/**
 * Writes sw.js and its cleanup script for the site built in `dir`. The build does this;
 * call it again after changing a built file, so the worker's list of revisions matches
 * the files (otherwise a changed page could stay cached in its old version).
 */
export async function writeServiceWorker(
  dir: string,
): Promise<{ count: number; size: number; warnings: string[]; build: BuildCaches }> {
  const build = { id: newBuildId(), base: await builtBase(dir) };
  await writeFile(join(dir, CLEANUP_SCRIPT), cleanupScript(build));
  return { ...(await generateSW(serviceWorkerOptions(dir, build))), build };
}

/** The base path the site in `dir` was built for, from its handout-pages.json (checked by its contract; "/" when it has none). */
async function builtBase(dir: string): Promise<string> {
  const file = join(dir, HANDOUT_INDEX_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return '/';
  return parseContract(handoutIndexSchema, text, { file, rebuild: 'npm run build' }).base;
}
