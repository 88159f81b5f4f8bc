import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/handouts/browser.ts';
import { serveStatic, type StaticServer } from '../../src/handouts/server.ts';
import { CLEANUP_SCRIPT, writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { searchSite } from '../support/search.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('siteDir');

/** Waits until the service worker controls the tab, which happens only after it precached everything. */
async function waitForOfflineReady(tab: Page): Promise<void> {
  await tab.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
}

/** Collects requests that fail while `action` runs: offline, each one is a file missing from the cache. */
async function failedRequestsDuring(tab: Page, action: () => Promise<void>): Promise<string[]> {
  const failed: string[] = [];
  const onFailed = (request: { url: () => string }): void => void failed.push(request.url());
  tab.on('requestfailed', onFailed);
  try {
    await action();
  } finally {
    tab.off('requestfailed', onFailed);
  }
  return failed;
}

/** Copies the built site without its PDFs (big, and not precached) so a test may change it. */
async function copySite(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'guide-offline-'));
  await cp(siteDir, dir, { recursive: true, filter: (source) => !source.includes(`${join(siteDir, 'handouts')}/`) });
  return dir;
}

describe('offline (service worker)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: StaticServer;
  let base: string;
  let copy: string;

  beforeAll(async () => {
    ({ browser } = await launchBrowser());
    base = (await readHandoutIndex(siteDir)).base;
    copy = await copySite();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('after one visit, opens other pages and searches with the network cut; unsaved pages show the offline page', async () => {
    server = await serveStatic({ root: siteDir, base });
    context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.goto(server.url);
    await waitForOfflineReady(tab);

    // Cut the network twice over: the browser's own offline switch, and no server at all.
    await tab.setOfflineMode(true);
    await server.close();

    const pages = ['glossary/', 'risks-and-side-effects/', 'what-a-session-is-like/'];
    const failed = await failedRequestsDuring(tab, async () => {
      for (const path of pages) {
        const response = await tab.goto(`${server.url}${path}`);
        expect(response?.ok(), `offline: ${path}`).toBe(true);
        await tab.evaluate(() => document.fonts.ready);
        const title = await tab.$eval('h1', (h1) => h1.textContent?.trim() ?? '');
        expect(title.length, `offline: ${path} has its title`).toBeGreaterThan(0);
      }
      const results = await searchSite(tab, 'bladder');
      expect(results.map((url) => new URL(url).pathname)).toContain(`${base}risks-and-side-effects/`);
    });
    expect(failed, 'requests that failed offline (missing from the cache)').toEqual([]);
    // The screen uses system fonts; the guide's own fonts (print styles) must still load offline.
    const fonts = await tab.evaluate(async () => {
      const faces = [...document.fonts];
      const loaded = await Promise.allSettled(faces.map((face) => face.load()));
      return { declared: faces.length, failed: loaded.filter((result) => result.status === 'rejected').length };
    });
    expect(fonts.failed, `fonts that failed to load offline, of ${fonts.declared}`).toBe(0);

    for (const never of ['handouts/letter/how-it-works.pdf', 'no-such-page/']) {
      const response = await tab.goto(`${server.url}${never}`);
      expect(response?.ok(), `offline: ${never}`).toBe(true);
      expect(await tab.$eval('h1', (h1) => h1.textContent), `offline: ${never}`).toBe('You are offline');
    }
    await context.close();
  });

  it('replaces the whole cache with a new build, switching at the next page', async () => {
    server = await serveStatic({ root: copy, base });
    context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.goto(`${server.url}how-it-works/`);
    await waitForOfflineReady(tab);
    // A handout opened once is kept for offline use, until the next build. Poison that cache and
    // the precached copy of a page the next build does not change: neither may survive it.
    const oldHandoutCache = /name !== "([^"]+)"/.exec(await readFile(join(copy, CLEANUP_SCRIPT), 'utf8'))?.[1] ?? '';
    expect(oldHandoutCache).toMatch(/^guide-handouts-/);
    const poisoned = await tab.evaluate(
      async (name: string, page: string) => {
        await (await caches.open(name)).put('handouts/old.pdf', new Response('old build'));
        let replaced = 0;
        for (const cacheName of (await caches.keys()).filter((n) => n.includes('precache'))) {
          const cache = await caches.open(cacheName);
          for (const request of await cache.keys()) {
            if (new URL(request.url).pathname !== page) continue;
            await cache.put(request, new Response('<h1>poisoned</h1>', { headers: { 'Content-Type': 'text/html' } }));
            replaced += 1;
          }
        }
        return replaced;
      },
      oldHandoutCache,
      `${base}how-it-works/index.html`,
    );
    expect(poisoned, 'the unchanged page was precached, and is now poisoned').toBe(1);

    // A new build: one page changes, and the service worker is generated again from the files.
    const glossaryFile = join(copy, 'glossary', 'index.html');
    const html = await readFile(glossaryFile, 'utf8');
    await writeFile(glossaryFile, html.replace('</h1>', ' (new build)</h1>'));
    await writeServiceWorker(copy);

    await tab.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
      const installing = registration.installing;
      if (installing && !registration.waiting) {
        await new Promise((resolve) =>
          installing.addEventListener('statechange', () => installing.state === 'installed' && resolve(null)),
        );
      }
    });
    expect(
      await tab.evaluate(async () => (await navigator.serviceWorker.ready).waiting !== null),
      'the new build waits',
    ).toBe(true);

    // The open page stays on the old build until the patient follows a link.
    await Promise.all([tab.waitForNavigation(), tab.click(`a[href="${base}glossary/"]`)]);
    await tab.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('(new build)'), {
      timeout: 10_000,
    });

    const cached = await tab.evaluate(async (handoutCache: string) => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return {
        names,
        urls,
        handouts: names.includes(handoutCache) ? (await (await caches.open(handoutCache)).keys()).length : 0,
      };
    }, oldHandoutCache);
    expect(cached.names, "the old build's handout cache is deleted").not.toContain(oldHandoutCache);
    const glossaryEntries = cached.urls.filter((url) => new URL(url).pathname === `${base}glossary/index.html`);
    expect(glossaryEntries, 'one copy of the changed page, the new one').toHaveLength(1);
    expect(
      cached.names.filter((name) => name.includes('precache')),
      'one precache',
    ).toHaveLength(1);
    expect(cached.handouts, 'handouts saved from the old build are dropped').toBe(0);

    // Offline, the changed page comes from the new cache.
    await tab.setOfflineMode(true);
    await server.close();
    await tab.goto(`${server.url}glossary/`);
    expect(await tab.$eval('h1', (h1) => h1.textContent)).toContain('(new build)');
    // The page whose file did not change comes from the new build's precache, not the poisoned one.
    await tab.goto(`${server.url}how-it-works/`);
    expect(await tab.$eval('h1', (h1) => h1.textContent)).not.toContain('poisoned');
    await context.close();
  });
});
