/**
 * Visiting many pages in a few tabs at once. Each tab's page runs in a renderer process of
 * its own, so two tabs keep both cores of a 2-core machine busy where one tab leaves the second
 * core to a test process that mostly waits; a page that only waits (for the network to go
 * quiet) costs no CPU at all. Used by the tests that visit every built page.
 */
import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer';
import { runPool } from '../../src/handouts/pool.ts';

/** Tabs at once: one per core, at least two, at most four. */
export const TABS = Math.max(2, Math.min(4, availableParallelism()));

export interface InTabsOptions {
  /** How many tabs; default TABS. */
  tabs?: number;
  /** Runs once in each tab before its first visit (a viewport, a colour scheme). */
  prepare?: (tab: Page) => Promise<void>;
}

/**
 * Calls `visit` for every item, in the order given, in a few tabs at once (the renderer's own
 * bounded pool, src/handouts/pool.ts); each tab takes the next item when it is done with one.
 * Stops starting items after the first error and rejects with it; always closes its tabs.
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
    // The pool runs at most `count` at once, so a tab is always free when an item starts.
    const free = [...tabs];
    let failed = false;
    const results = await runPool(
      items,
      count,
      async (item) => {
        const tab = free.pop() as Page;
        try {
          await visit(tab, item);
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          free.push(tab);
        }
      },
      () => failed,
    );
    const failure = results.find((result) => result?.status === 'rejected');
    if (failure?.status === 'rejected') throw failure.reason;
  } finally {
    await Promise.all(tabs.map((tab) => tab.close().catch(() => undefined)));
  }
}
