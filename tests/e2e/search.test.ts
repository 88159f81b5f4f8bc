import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchSite } from '../support/search.ts';
import { loadPages } from '../support/pages.ts';
import { extractProse } from '../support/prose.ts';
import { contentIds, openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

const siteDir = inject('siteDir');

/**
 * Words of 7+ letters that appear in exactly one English page's body text, per page.
 * Taken from the Markdown source (what the author wrote), not the built HTML,
 * which also holds text added after indexing, such as the handouts table.
 */
function uniqueWordsByPage(): Map<string, string[]> {
  const words = new Map<string, Set<string>>();
  for (const page of loadPages()) {
    words.set(
      page.slug,
      new Set(
        extractProse(page.body)
          .toLowerCase()
          .match(/\b[a-z]{7,}\b/g) ?? [],
      ),
    );
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
    const unique = uniqueWordsByPage();
    const tab = await site.browser.newPage();
    await tab.goto(site.server.url, { waitUntil: 'networkidle0' });
    let checked = 0;
    for (const id of ids) {
      const word = unique.get(id)?.[0];
      if (!word) continue;
      const results = await searchSite(tab, word);
      const expected = `${site.server.origin}${index.base}${id === 'index' ? '' : `${id}/`}`;
      expect(
        results.map((url) => url.split('#')[0]),
        `search for "${word}" should find ${id}`,
      ).toContain(expected);
      checked += 1;
    }
    await tab.close();
    expect(checked).toBeGreaterThanOrEqual(Math.min(3, ids.length));
  });
});
