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
  // Pagefind debounces typing, then renders results or a "no results" message.
  await tab.waitForFunction(
    (q: string) => {
      const message = document.querySelector('dialog[open] .pagefind-ui__message')?.textContent ?? '';
      return message.includes(q) || document.querySelector('dialog[open] .pagefind-ui__result-link') !== null;
    },
    { timeout: 15_000 },
    query,
  );
  const links = await tab.$$eval('dialog[open] .pagefind-ui__result-link', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  await tab.keyboard.press('Escape');
  return links;
}
