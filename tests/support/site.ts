/** Shared helpers for e2e tests: the built site, its pages, a server and a browser. */
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../src/handouts/browser.ts';
import { serveStatic, type StaticServer } from '../../src/handouts/server.ts';
import { readHandoutIndex } from '../../src/handouts/pages.ts';
import { loadPages } from './pages.ts';

/** The built site's handout-pages.json, checked against its contract. */
export { readHandoutIndex };

/** Content files of the default (English) locale, as ids: "index", "risks-and-side-effects". */
export async function contentIds(): Promise<string[]> {
  return loadPages()
    .map((page) => page.slug)
    .sort();
}

/** Text of the main content of a built page (what Pagefind indexes), without tags. */
export function mainText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<(script|style|svg)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SiteSession {
  server: StaticServer;
  browser: Browser;
  close: () => Promise<void>;
}

export async function openSite(siteDir: string): Promise<SiteSession> {
  const index = await readHandoutIndex(siteDir);
  const server = await serveStatic({ root: siteDir, base: index.base });
  const { browser } = await launchBrowser();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
