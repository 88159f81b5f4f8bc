/**
 * Crisis-aware search, on a phone: a query that reads as a crisis, in English or Spanish,
 * shows "Call or text 988 now · In an emergency call 911" above the results and puts
 * Getting help now first; everyday words for the crisis line find it too.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CRISIS_QUERIES, SPANISH_QUERIES } from '../support/patient-queries.ts';
import { searchView } from '../support/search.ts';
import { openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

const siteDir = inject('siteDir');
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true };

describe('crisis search (390 px phone)', () => {
  let site: SiteSession;
  let tab: Page;
  let base: string;
  const editionRoot = (lang: 'en' | 'es'): string => `${site.server.origin}${base}${lang === 'en' ? '' : 'es/'}`;

  beforeAll(async () => {
    site = await openSite(siteDir);
    base = (await readHandoutIndex(siteDir)).base;
    tab = await site.browser.newPage();
    await tab.setViewport(PHONE);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(CRISIS_QUERIES)('"$query" ($lang): the 988 panel, then Getting help now first', async ({ query, lang }) => {
    if (tab.url() !== editionRoot(lang)) await tab.goto(editionRoot(lang));
    const view = await searchView(tab, query);
    expect(view.panelShown, 'the crisis panel is shown').toBe(true);
    expect(view.panelText).toContain('988');
    expect(view.panelText).toContain('911');
    expect(view.panelText).toMatch(
      lang === 'en' ? /Call or text 988 now/ : /Llame o envíe un mensaje de texto al 988 ahora/,
    );
    const helpPage = `${editionRoot(lang)}getting-help-now/`;
    expect(view.panelPages, 'the panel links to Getting help now').toEqual([helpPage]);
    // Pagefind's own list leads with it too, not just the panel.
    expect(view.results[0], 'the first search result').toBe(helpPage);
  });

  it('shows no crisis panel for an everyday question', async () => {
    await tab.goto(editionRoot('en'));
    const view = await searchView(tab, 'side effects');
    expect(view.panelShown).toBe(false);
    expect(view.results.length).toBeGreaterThan(0);
  });

  it('shows the panel even when nothing is found, and its phone links dial', async () => {
    await tab.goto(editionRoot('en'));
    // Pagefind finds nothing when its index files cannot load: the panel must not depend on results.
    await tab.setRequestInterception(true);
    const block = (request: import('puppeteer').HTTPRequest): void => {
      if (request.isInterceptResolutionHandled()) return;
      if (/\/pagefind\/(index|fragment)\//.test(request.url())) void request.abort();
      else void request.continue();
    };
    tab.on('request', block);
    try {
      await tab.click('button[data-open-modal]');
      const input = await tab.waitForSelector('dialog[open] .pagefind-ui__search-input', { visible: true });
      await input?.type('suicidal');
      await tab.waitForFunction(() => {
        const panel = document.querySelector<HTMLElement>('dialog[open] [data-guide-crisis-panel]');
        return panel !== null && !panel.hidden;
      });
      const tel = await tab.$$eval('dialog[open] [data-guide-crisis-panel] a[href^="tel:"]', (links) =>
        links.map((a) => a.getAttribute('href')),
      );
      expect(tel).toEqual(['tel:988', 'tel:911']);
      await tab.keyboard.press('Escape');
    } finally {
      tab.off('request', block);
      await tab.setRequestInterception(false);
    }
  });

  it.each(SPANISH_QUERIES)('Spanish "$query" finds es/$page in the top 3', async ({ query, page }) => {
    await tab.goto(editionRoot('es'));
    const { results } = await searchView(tab, query);
    expect(results.slice(0, 3)).toContain(`${editionRoot('es')}${page}/`);
  });
});
