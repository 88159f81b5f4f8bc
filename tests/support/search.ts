/** Drives Starlight's own search dialog (Pagefind UI) the way a patient would. */
import type { Page } from 'puppeteer';

/**
 * Opens the search dialog, replaces whatever is typed with `query`, and waits until Pagefind
 * has answered it: Pagefind debounces typing, shows "Searching for <query>...", then the result
 * count (or "No results for <query>"), then fills in each result as its fragment loads.
 */
async function typeQuery(tab: Page, query: string): Promise<void> {
  // Starlight builds the search box when the page is idle; until then the button is disabled.
  await tab.waitForSelector('button[data-open-modal]:not([disabled])');
  await tab.click('button[data-open-modal]');
  const input = await tab.waitForSelector('dialog[open] input[type="text"], dialog[open] .pagefind-ui__search-input', {
    visible: true,
  });
  if (!input) throw new Error('search input did not appear');
  await input.click({ count: 3 });
  await tab.keyboard.press('Backspace');
  await input.type(query);
  await tab.waitForFunction(
    (q: string) => {
      const message = document.querySelector('dialog[open] .pagefind-ui__message')?.textContent ?? '';
      return (
        message.includes(q) &&
        !message.includes('...') &&
        document.querySelector('dialog[open] .pagefind-ui__loading') === null
      );
    },
    { timeout: 15_000 },
    query,
  );
}

/** Opens the search dialog on the current page, types `query`, and returns result URLs in rank order. */
export async function searchSite(tab: Page, query: string): Promise<string[]> {
  await typeQuery(tab, query);
  const links = await tab.$$eval('dialog[open] .pagefind-ui__result-link', (anchors) =>
    anchors.map((a) => (a as HTMLAnchorElement).href),
  );
  await tab.keyboard.press('Escape');
  return links;
}

/** Like searchSite, but only the pages (no links to their sections), best first, without `#…`. */
export async function searchResultPages(tab: Page, query: string): Promise<string[]> {
  const links = await searchSite(tab, query);
  return [...new Set(links.map((url) => url.split('#')[0] ?? url))];
}

/** What the search dialog shows for a query: the crisis panel (if shown) and the result pages, in order. */
export interface SearchView {
  /** True when the "Call or text 988 now" panel is on screen above the results. */
  panelShown: boolean;
  /** The panel's text, as the patient reads it. */
  panelText: string;
  /** The pages the panel links to (empty when it is hidden). */
  panelPages: string[];
  /** Pagefind's result pages, best first, without `#…`. */
  results: string[];
}

/** Opens the search on the current page, types `query`, waits for the results (or "No results"), and reports what is shown. */
export async function searchView(tab: Page, query: string): Promise<SearchView> {
  await typeQuery(tab, query);
  const view = await tab.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('dialog[open] [data-guide-crisis-panel]');
    const shown = panel !== null && !panel.hidden && panel.getBoundingClientRect().height > 0;
    const pages = (anchors: Iterable<HTMLAnchorElement>): string[] => [
      ...new Set([...anchors].map((a) => a.href.split('#')[0] ?? a.href)),
    ];
    return {
      panelShown: shown,
      panelText: panel?.innerText ?? '',
      panelPages: shown && panel ? pages(panel.querySelectorAll<HTMLAnchorElement>('a[href]:not([href^="tel:"])')) : [],
      results: pages(document.querySelectorAll<HTMLAnchorElement>('dialog[open] .pagefind-ui__result-link')),
    };
  });
  await tab.keyboard.press('Escape');
  return view;
}
