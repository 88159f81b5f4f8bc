import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentIds, openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

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

  it('lists every content page for the handout renderer', async () => {
    const index = await readHandoutIndex(siteDir);
    const listed = index.pages.map((page) => page.path);
    for (const id of await contentIds()) {
      expect(listed).toContain(id === 'index' ? index.base : `${index.base}${id}/`);
    }
  });

  it('shows the review date, the urgent-help box and the sources on every page', async () => {
    for (const id of await contentIds()) {
      const html = await readFile(join(siteDir, id === 'index' ? '' : id, 'index.html'), 'utf8');
      expect(html, id).toMatch(/Last reviewed: <time datetime="\d{4}-\d{2}-\d{2}">/);
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

  it('never requests anything from another host', async () => {
    const index = await readHandoutIndex(siteDir);
    const ids = await contentIds();
    const outside: string[] = [];
    const tab = await site.browser.newPage();
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(`${site.server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) void request.continue();
      else {
        outside.push(url);
        void request.abort();
      }
    });
    for (const id of ids) {
      await tab.goto(`${site.server.origin}${index.base}${id === 'index' ? '' : `${id}/`}`, { waitUntil: 'networkidle0' });
    }
    await tab.close();
    expect(outside).toEqual([]);
  });
});
