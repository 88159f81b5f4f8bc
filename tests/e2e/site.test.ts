import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPagePaths } from '../support/built-pages.ts';
import { clinic } from '../../clinic.config.ts';
import { editionsOf } from '../support/editions.ts';
import { searchSite } from '../support/search.ts';
import { contentIds, openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';
import { inTabs } from '../support/tabs.ts';

const siteDir = inject('siteDir');

describe('the built site', () => {
  it('has an HTML page for every content file', async () => {
    const ids = await contentIds();
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const file = join(siteDir, id === 'index' ? '' : id, 'index.html');
      const info = await stat(file).catch(() => undefined);
      expect(info?.isFile(), `missing built page for src/content/docs/${id}: ${file}`).toBe(true);
    }
  });

  it('lists every page that has a handout for the renderer, in every language built, and no other', async () => {
    const index = await readHandoutIndex(siteDir);
    const listed = index.pages.map((page) => page.path);
    for (const page of editionsOf(clinic).flatMap((edition) => edition.pages)) {
      const handout = page.frontmatter.handout as { include?: boolean } | undefined;
      const path = `${index.base}${page.path.slice(1)}`;
      if (handout?.include === false) expect(listed, page.file).not.toContain(path);
      else expect(listed, page.file).toContain(path);
    }
  });

  it('shows the review line or its notice, the urgent-help box and the sources on every page', async () => {
    for (const id of await contentIds()) {
      const html = await readFile(join(siteDir, id === 'index' ? '' : id, 'index.html'), 'utf8');
      expect(html, id).toMatch(
        /class="guide-review(ed|-notice)[^"]*"[^>]*data-review-state="(current|unreviewed|changed|overdue)"/,
      );
      expect(html, id).toContain('id="get-help-now"');
      expect(html, id).toMatch(/id="sources"[\s\S]*?<li>/);
    }
  });
});

describe('privacy: loading a page', () => {
  let site: SiteSession;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('never requests anything from another host, on any page or in a search', async () => {
    const outside: string[] = [];
    const watch = async (tab: Page): Promise<void> => {
      // Requests the service worker answered would not be seen here; bypass it so every one is.
      await tab.setBypassServiceWorker(true);
      await tab.setRequestInterception(true);
      tab.on('request', (request) => {
        const url = request.url();
        if (url.startsWith(`${site.server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:'))
          void request.continue();
        else {
          outside.push(url);
          void request.abort();
        }
      });
    };
    const paths = await builtPagePaths(siteDir);
    // Each page until the network has been quiet for half a second: the waiting costs no CPU, so several tabs wait at once.
    await inTabs(
      site.browser,
      paths,
      async (tab, path) => void (await tab.goto(`${site.server.url}${path}`, { waitUntil: 'networkidle0' })),
      { prepare: watch, tabs: 4 },
    );
    const tab = await site.browser.newPage();
    await watch(tab);
    await tab.goto(site.server.url, { waitUntil: 'networkidle0' });
    expect(await searchSite(tab, 'side effects'), 'the search ran').not.toEqual([]);
    await tab.close();
    expect(paths.length).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });
});
