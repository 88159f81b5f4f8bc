import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPagePaths } from '../support/built-pages.ts';
import { searchResultPages } from '../support/search.ts';
import { openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

const siteDir = inject('subpathSiteDir');

/** Site-root URLs in a page's HTML (links, scripts, styles, images), not other hosts. */
function rootUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="(\/(?!\/)[^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('built for a sub-path', () => {
  let site: SiteSession;
  let base: string;
  beforeAll(async () => {
    base = (await readHandoutIndex(siteDir)).base;
    site = await openSite(siteDir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('is really built for one', () => {
    expect(base).not.toBe('/');
  });

  it('links every page, script, style and image under the base path', async () => {
    const outside: string[] = [];
    for (const path of await builtPagePaths(siteDir)) {
      const html = await readFile(
        join(siteDir, path.endsWith('/') || path === '' ? `${path}index.html` : path),
        'utf8',
      );
      for (const url of rootUrls(html)) if (!url.startsWith(base)) outside.push(`/${path}: ${url}`);
    }
    expect(outside).toEqual([]);
  });

  it('opens pages, follows the sidebar and registers the service worker for the base path', async () => {
    const tab = await site.browser.newPage();
    const response = await tab.goto(site.server.url);
    expect(response?.ok()).toBe(true);
    const scope = await tab.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(site.server.url);
    await Promise.all([tab.waitForNavigation(), tab.click(`nav a[href="${base}glossary/"]`)]);
    expect(new URL(tab.url()).pathname).toBe(`${base}glossary/`);
    expect(await tab.$eval('h1', (h1) => h1.textContent?.trim())).toBe('Glossary');
    await tab.close();
  });

  it('searches, and the results open', async () => {
    const tab = await site.browser.newPage();
    await tab.goto(site.server.url);
    const results = await searchResultPages(tab, 'bladder');
    expect(results[0]).toBe(`${site.server.url}risks-and-side-effects/`);
    const response = await tab.goto(results[0] ?? '');
    expect(response?.ok()).toBe(true);
    await tab.close();
  });

  it('links to handouts that download', async () => {
    const html = await readFile(join(siteDir, 'risks-and-side-effects', 'index.html'), 'utf8');
    const handouts = rootUrls(html).filter((url) => url.includes('/handouts/'));
    expect(handouts.length, 'the page links to its handouts').toBeGreaterThan(0);
    for (const url of handouts) {
      expect(url.startsWith(`${base}handouts/`), url).toBe(true);
      const response = await fetch(`${site.server.origin}${url}`, { method: 'HEAD' });
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe('application/pdf');
    }
  });

  it('has a web app manifest that starts and stays under the base path', async () => {
    const response = await fetch(`${site.server.url}manifest.webmanifest`);
    const manifest = (await response.json()) as { start_url: string; scope: string; icons: Array<{ src: string }> };
    expect(manifest.start_url).toBe(base);
    expect(manifest.scope).toBe(base);
    for (const icon of manifest.icons) {
      expect((await fetch(`${site.server.origin}${icon.src}`, { method: 'HEAD' })).status, icon.src).toBe(200);
    }
  });
});
