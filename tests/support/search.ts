/** Drives Starlight's own search dialog (Pagefind UI) the way a patient would. */
import type { Page } from 'puppeteer';

/** Opens the search dialog on the current page, types `query`, and returns result URLs in rank order. */
export async function searchSite(tab: Page, query: string): Promise<string[]> {
  await tab.click('button[data-open-modal]');
  const input = await tab.waitForSelector('dialog[open] input[type="text"], dialog[open] .pagefind-ui__search-input', { visible: true });
  if (!input) throw new Error('search input did not appear');
  await input.click({ count: 3 });
  await tab.keyboard.press('Backspace');
  await input.type(query);
  // Pagefind debounces typing, shows "Searching for <query>...", then the result count
  // (or "No results for <query>"), then fills in each result as its fragment loads.
  await tab.waitForFunction(
    (q: string) => {
      const message = document.querySelector('dialog[open] .pagefind-ui__message')?.textContent ?? '';
      return message.includes(q) && !message.includes('...') && document.querySelector('dialog[open] .pagefind-ui__loading') === null;
    },
    { timeout: 15_000 },
    query,
  );
  const links = await tab.$$eval('dialog[open] .pagefind-ui__result-link', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  await tab.keyboard.press('Escape');
  return links;
}

/** Like searchSite, but only the pages (no links to their sections), best first, without `#…`. */
export async function searchResultPages(tab: Page, query: string): Promise<string[]> {
  const links = await searchSite(tab, query);
  return [...new Set(links.map((url) => url.split('#')[0] ?? url))];
}
