import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'puppeteer';
import { CONTENT_GAPS, PATIENT_QUERIES } from '../support/patient-queries.ts';
import { searchResultPages } from '../support/search.ts';
import { openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

const siteDir = inject('siteDir');

/** Where the page ranks for the query (1 is first), or undefined when it is not found at all. */
async function rankOf(tab: Page, query: string, pageUrl: string): Promise<number | undefined> {
  const results = await searchResultPages(tab, query);
  const index = results.indexOf(pageUrl);
  return index === -1 ? undefined : index + 1;
}

describe('search: what patients type', () => {
  let site: SiteSession;
  let tab: Page;
  let base: string;
  beforeAll(async () => {
    site = await openSite(siteDir);
    base = (await readHandoutIndex(siteDir)).base;
    tab = await site.browser.newPage();
    await tab.goto(site.server.url);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('has at least 25 queries', () => {
    expect(PATIENT_QUERIES.length).toBeGreaterThanOrEqual(25);
  });

  const expectTop3 = async (query: string, page: string): Promise<void> => {
    const pageUrl = `${site.server.origin}${base}${page === 'index' ? '' : `${page}/`}`;
    const rank = await rankOf(tab, query, pageUrl);
    expect(rank, `"${query}" should rank ${page} in the top 3`).toBeDefined();
    expect(rank).toBeLessThanOrEqual(3);
  };

  it.each(PATIENT_QUERIES)('"$query" finds $page in the top 3', async ({ query, page }) => {
    await expectTop3(query, page);
  });

  // When one of these starts passing, the content now answers it: move it to PATIENT_QUERIES.
  it.fails.each(CONTENT_GAPS)('content gap, not yet in the top 3: "$query" → $page', async ({ query, page }) => {
    await expectTop3(query, page);
  });
});
