/**
 * The one browser of a handout run: started on first use, started again (once,
 * for every tab that asks at the same time) after a crash, and always closed,
 * also on Ctrl-C: a browser that does not close within a few seconds is killed.
 */
import type { Browser } from 'puppeteer';
import { launchBrowser, type BrowserCandidate } from './browser.ts';

/** Browser crashes one run recovers from before it gives up. */
const MAX_RELAUNCHES = 3;

/** How long a browser gets to close before it is killed. */
const BROWSER_CLOSE_MS = 5000;

export interface BrowserSession {
  /** The running browser, starting a new one if it stopped. */
  get: () => Promise<Browser>;
  /** The browser the run started with, once it has started. */
  candidate: () => BrowserCandidate | undefined;
  close: () => Promise<void>;
}

export interface BrowserSessionOptions {
  browserPath: string | undefined;
  timeoutMs: number;
  signal: AbortSignal;
  /** Called before a browser that stopped is replaced. */
  onRelaunch: () => void;
  /** The local server's origin, the only one the browser may connect to (see onlyOriginArgs in browser.ts). */
  onlyOrigin?: () => string | undefined;
}

export function browserSession(options: BrowserSessionOptions): BrowserSession {
  const { signal } = options;
  let browser: Browser | undefined;
  let candidate: BrowserCandidate | undefined;
  let starting: Promise<Browser> | undefined;
  let launches = 0;

  const close = async (): Promise<void> => {
    const open = browser;
    browser = undefined;
    if (!open) return;
    const kill = (): void => void open.process()?.kill('SIGKILL');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolveDeadline) => {
      timer = setTimeout(() => resolveDeadline(kill()), BROWSER_CLOSE_MS);
    });
    await Promise.race([open.close().catch(kill), deadline]);
    clearTimeout(timer);
  };

  // After a crash, every tab that was open asks for a new browser at once: start one, not one each.
  // A browser that keeps crashing will not get better: after a few tries, every page fails at once.
  const start = (): Promise<Browser> =>
    (starting ??= (async () => {
      await close();
      if (signal.aborted) throw new Error('interrupted');
      if (launches > MAX_RELAUNCHES) {
        throw new Error(
          `the browser stopped ${launches} times during this run; check the machine's memory and the browser (see README, "When printing the handouts goes wrong")`,
        );
      }
      if (launches > 0) options.onRelaunch();
      launches += 1;
      const onlyOrigin = options.onlyOrigin?.();
      const launched = await launchBrowser(options.browserPath, options.timeoutMs, onlyOrigin ? { onlyOrigin } : {});
      if (signal.aborted) {
        await launched.browser.close().catch(() => launched.browser.process()?.kill('SIGKILL'));
        throw new Error('interrupted');
      }
      browser = launched.browser;
      candidate ??= launched.candidate;
      return launched.browser;
    })().finally(() => {
      starting = undefined;
    }));

  const onAbort = (): void => void close();
  signal.addEventListener('abort', onAbort);
  return {
    get: async () => (browser?.connected ? browser : start()),
    candidate: () => candidate,
    close: async () => {
      signal.removeEventListener('abort', onAbort);
      await close();
    },
  };
}
