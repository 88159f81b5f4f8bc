/**
 * Visiting many pages in a few tabs at once. Each tab's page runs in a renderer process of
 * its own, so two tabs keep both cores of a 2-core machine busy where one tab leaves the second
 * core to a test process that mostly waits; a page that only waits (for the network to go
 * quiet) costs no CPU at all. Used by the tests that visit every built page.
 */
import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer';

/** Tabs at once: one per core, at least two, at most four. */
export const TABS = Math.max(2, Math.min(4, availableParallelism()));

export interface InTabsOptions {
  /** How many tabs; default TABS. */
  tabs?: number;
  /** Runs once in each tab before its first visit (a viewport, a colour scheme). */
  prepare?: (tab: Page) => Promise<void>;
}

/**
 * Calls `visit` for every item, in the order given, in a few tabs at once; each tab takes the
 * next item when it is done with one. Rejects with the first error; always closes its tabs.
 */
export async function inTabs<T>(
  browser: Browser,
  items: readonly T[],
  visit: (tab: Page, item: T) => Promise<void>,
  options: InTabsOptions = {},
): Promise<void> {
  const count = Math.max(1, Math.min(options.tabs ?? TABS, items.length));
  const tabs: Page[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const tab = await browser.newPage();
      tabs.push(tab);
      await options.prepare?.(tab);
    }
    let next = 0;
    await Promise.all(
      tabs.map(async (tab) => {
        while (next < items.length) {
          const item = items[next] as T;
          next += 1;
          await visit(tab, item);
        }
      }),
    );
  } finally {
    await Promise.all(tabs.map((tab) => tab.close().catch(() => undefined)));
  }
}
