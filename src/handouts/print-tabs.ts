/**
 * Print tabs, kept for the next document. A new tab starts a renderer process and has to be
 * set up (no page script, every request checked, print media): that takes about as long as
 * printing a handout. A document that printed well hands its tab back, and the next document
 * in the same browser context loads its page in it. A document that failed closes its tab, and
 * render-pool.ts closes the whole context. At most one tab per context waits.
 */
import type { BrowserContext, Page } from 'puppeteer';

/** An open tab and what it tried to fetch from elsewhere since it was taken. */
export interface PrintTab {
  tab: Page;
  blockedRequests: string[];
}

interface TabState {
  /** The local server the tab may load from; the request check was set up for it. */
  origin: string;
  /** Requests blocked for the document now in the tab (a new list each time it is taken). */
  blocked: string[];
}

const waiting = new WeakMap<BrowserContext, Page>();
const states = new WeakMap<Page, TabState>();

/** Sets a new tab up for printing pages of `origin` and nothing else. */
async function setUp(tab: Page, state: TabState): Promise<void> {
  // The site's offline service worker would answer from its cache, and a page served by it has no response to check.
  await tab.setBypassServiceWorker(true);
  // A handout is static: no page script runs in a print tab, so none can open a WebSocket or a
  // WebRTC connection. The renderer's own evaluate() calls still run (DevTools is not a page script).
  await tab.setJavaScriptEnabled(false);
  // The site's Content-Security-Policy allows fonts only from itself; the header and footer
  // carry theirs as data URLs (see templates.ts), which it would block. With page scripts off
  // and the network locked at the browser (browser.ts) and below, the policy has nothing left to stop.
  await tab.setBypassCSP(true);
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith(`${state.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      void request.continue();
    } else {
      state.blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
  await tab.emulateMediaType('print');
}

/** A tab of `browser` ready to load a page of `origin`: the one handed back last, or a new one. */
export async function takePrintTab(browser: BrowserContext, origin: string): Promise<PrintTab> {
  const kept = waiting.get(browser);
  waiting.delete(browser);
  const keptState = kept ? states.get(kept) : undefined;
  if (kept && keptState && !kept.isClosed() && keptState.origin === origin) {
    keptState.blocked = [];
    return { tab: kept, blockedRequests: keptState.blocked };
  }
  await kept?.close().catch(() => undefined);
  const tab = await browser.newPage();
  const state: TabState = { origin, blocked: [] };
  states.set(tab, state);
  try {
    await setUp(tab, state);
  } catch (error) {
    await tab.close().catch(() => undefined);
    throw error;
  }
  return { tab, blockedRequests: state.blocked };
}

/**
 * Ends a document's use of its tab: after a good print it waits for the next document of its
 * context (one at most); after a failure, or with one already waiting, it is closed.
 */
export async function releasePrintTab(tab: Page, printedWell: boolean): Promise<void> {
  if (tab.isClosed()) return;
  const browser = tab.browserContext();
  if (printedWell && !waiting.has(browser) && states.has(tab)) {
    waiting.set(browser, tab);
    return;
  }
  await tab.close().catch(() => undefined);
}

/** Whether `tab` is a print tab waiting for its next document (render-pool.ts keeps such a context). */
export function isWaitingPrintTab(tab: Page): boolean {
  return waiting.get(tab.browserContext()) === tab;
}
