import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchSite } from '../support/search.ts';
import { contentIds, mainText, openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

const siteDir = inject('siteDir');

/** Words of 7+ letters that appear in exactly one page's main text, per page. */
async function uniqueWordsByPage(ids: string[]): Promise<Map<string, string[]>> {
  const words = new Map<string, Set<string>>();
  for (const id of ids) {
    const html = await readFile(join(siteDir, id === 'index' ? '' : id, 'index.html'), 'utf8');
    words.set(id, new Set(mainText(html).toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []));
  }
  const unique = new Map<string, string[]>();
  for (const [id, own] of words) {
    const others = [...words].filter(([other]) => other !== id).map(([, set]) => set);
    unique.set(id, [...own].filter((word) => others.every((set) => !set.has(word))).sort());
  }
  return unique;
}

describe('search (Pagefind, in the browser)', () => {
  let site: SiteSession;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('finds a page by a word that appears only in its body', async () => {
    const index = await readHandoutIndex(siteDir);
    const ids = await contentIds();
    const unique = await uniqueWordsByPage(ids);
    const tab = await site.browser.newPage();
    await tab.goto(site.server.url, { waitUntil: 'networkidle0' });
    let checked = 0;
    for (const id of ids) {
      const word = unique.get(id)?.[0];
      if (!word) continue;
      const results = await searchSite(tab, word);
      const expected = `${site.server.origin}${index.base}${id === 'index' ? '' : `${id}/`}`;
      expect(results.map((url) => url.split('#')[0]), `search for "${word}" should find ${id}`).toContain(expected);
      checked += 1;
    }
    await tab.close();
    expect(checked).toBeGreaterThanOrEqual(Math.min(3, ids.length));
  });
});
