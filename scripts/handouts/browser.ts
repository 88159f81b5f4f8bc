/**
 * Finds a Chromium-family browser for rendering handouts, in a documented order,
 * and launches it with the network locked down.
 *
 * Lookup order (the first that exists and starts is used):
 *   1. `--browser <path>` on the command line
 *   2. the PUPPETEER_EXECUTABLE_PATH environment variable
 *   3. a browser Puppeteer downloaded itself (`npx puppeteer browsers install chrome`)
 *   4. a system Chrome or Chromium (e.g. /usr/bin/chromium)
 *   5. @sparticuz/chromium, an npm-shipped Chromium installed as an optional dependency on Linux
 * An explicit choice (1 or 2) that does not exist is an error, never silently skipped.
 */
import { accessSync, constants } from 'node:fs';
import { platform as osPlatform } from 'node:os';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer';

/** Where a candidate came from, for messages and the manifest. */
export type BrowserSource = 'flag' | 'env' | 'puppeteer-cache' | 'system' | 'npm-chromium';

export interface BrowserCandidate {
  source: BrowserSource;
  executablePath: string;
  /** Extra flags this build needs (the npm-shipped Chromium is a headless shell). */
  extraArgs: string[];
}

/** What the lookup may touch, injectable so each branch can be unit-tested. */
export interface LookupEnvironment {
  flagPath: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isExecutable: (path: string) => boolean;
  /** Path where Puppeteer's own download would be; may not exist. */
  puppeteerPath: () => Promise<string | undefined>;
  /** Extracts and returns the npm-shipped Chromium, or undefined when it is not installed. */
  npmChromium: () => Promise<{ executablePath: string; args: string[] } | undefined>;
}

/** Raised when no browser can be found or started; its message is meant for people. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

export const SYSTEM_BROWSER_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** One line per platform telling a person how to get a browser. */
export const INSTALL_HINTS = [
  'Debian/Ubuntu: sudo apt-get install chromium',
  'macOS:         brew install --cask google-chrome   (or install Chrome from google.com/chrome)',
  'Windows:       winget install Google.Chrome',
  'Any system:    npx puppeteer browsers install chrome   (needs internet access)',
  'Or point to one you have: npm run pdf -- --browser /path/to/chrome   (or set PUPPETEER_EXECUTABLE_PATH)',
];

/**
 * Lists browser candidates in lookup order. Explicit choices that do not exist throw;
 * the automatic ones are only listed when present. `tried` collects what was looked at.
 */
export async function findBrowserCandidates(lookup: LookupEnvironment, tried: string[] = []): Promise<BrowserCandidate[]> {
  const explicit: Array<[BrowserSource, string | undefined, string]> = [
    ['flag', lookup.flagPath, '--browser'],
    ['env', lookup.env.PUPPETEER_EXECUTABLE_PATH, 'PUPPETEER_EXECUTABLE_PATH'],
  ];
  for (const [source, path, label] of explicit) {
    if (!path) continue;
    if (!lookup.isExecutable(path)) {
      throw new BrowserNotFoundError(
        `${label} points to "${path}", but no executable browser is there.\n` +
          `Fix the path, or remove ${label} to let the renderer look for a browser itself.`,
      );
    }
    return [{ source, executablePath: path, extraArgs: [] }];
  }

  const candidates: BrowserCandidate[] = [];
  const add = (source: BrowserSource, path: string | undefined, label: string, extraArgs: string[] = []): void => {
    if (!path) return;
    const ok = lookup.isExecutable(path);
    tried.push(`${label}: ${path} (${ok ? 'found' : 'not found'})`);
    if (ok && !candidates.some((c) => c.executablePath === path)) candidates.push({ source, executablePath: path, extraArgs });
  };

  let puppeteerPath: string | undefined;
  try {
    puppeteerPath = await lookup.puppeteerPath();
  } catch {
    puppeteerPath = undefined;
  }
  if (puppeteerPath) add('puppeteer-cache', puppeteerPath, "Puppeteer's downloaded browser");
  else tried.push("Puppeteer's downloaded browser: none (downloads are switched off in .puppeteerrc.cjs)");

  for (const path of SYSTEM_BROWSER_PATHS[lookup.platform] ?? []) add('system', path, 'system browser');

  if (lookup.platform === 'linux') {
    try {
      const shipped = await lookup.npmChromium();
      if (shipped) add('npm-chromium', shipped.executablePath, '@sparticuz/chromium', shipped.args);
      else tried.push('@sparticuz/chromium: not installed (optional dependency)');
    } catch (error) {
      tried.push(`@sparticuz/chromium: could not be unpacked (${(error as Error).message})`);
    }
  }
  return candidates;
}

/** The real machine: filesystem, Puppeteer's cache and the optional npm Chromium. */
export function systemLookup(flagPath: string | undefined): LookupEnvironment {
  return {
    flagPath,
    env: process.env,
    platform: osPlatform(),
    isExecutable: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    puppeteerPath: async () => puppeteer.executablePath(),
    npmChromium: async () => {
      let chromium: typeof import('@sparticuz/chromium').default;
      try {
        chromium = (await import('@sparticuz/chromium')).default;
      } catch {
        return undefined;
      }
      // Keep what this headless shell needs; drop its Lambda-only flags that weaken web security.
      const unsafe = ['--disable-web-security', '--allow-running-insecure-content'];
      const args = chromium.args.filter((arg) => !unsafe.includes(arg) && !arg.startsWith('--headless'));
      return { executablePath: await chromium.executablePath(), args };
    },
  };
}

/**
 * Chromium's sandbox cannot start as root, which is how CI and containers run.
 * This is the one place that decides to switch it off.
 */
export function needsNoSandbox(uid: number | null = process.getuid?.() ?? null): boolean {
  return uid === 0;
}

/** Flags for every launch: no background traffic to Google, no first-run UI. */
export function baseLaunchArgs(noSandbox: boolean): string[] {
  return [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-gpu',
    '--font-render-hinting=none',
    ...(noSandbox ? ['--no-sandbox'] : []),
  ];
}

/**
 * Starts the first candidate that works, or explains what was tried and how to fix it.
 * `timeoutMs` bounds each start (see startWithin) and each call to the browser afterwards.
 */
export async function launchBrowser(flagPath?: string, timeoutMs = 30_000): Promise<{ browser: Browser; candidate: BrowserCandidate }> {
  const tried: string[] = [];
  const candidates = await findBrowserCandidates(systemLookup(flagPath), tried);
  const noSandbox = needsNoSandbox();
  for (const candidate of candidates) {
    try {
      const browser = await startWithin(timeoutMs, {
        executablePath: candidate.executablePath,
        headless: true,
        timeout: timeoutMs,
        // Puppeteer's own default is 180 s per call to the browser. Each page's attempt has its
        // own deadline (render-pool.ts); this bounds the calls outside one (start, close). Not
        // below 30 s: a busy machine answers some calls slowly, and a call that times out
        // makes Puppeteer drop the browser's connection, which fails every page at once.
        protocolTimeout: Math.max(timeoutMs, 30_000),
        args: [...new Set([...baseLaunchArgs(noSandbox), ...candidate.extraArgs])],
        // We close the browser ourselves, also on Ctrl-C (see run.ts).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      return { browser, candidate };
    } catch (error) {
      tried.push(`${candidate.executablePath}: failed to start (${firstLine((error as Error).message)})`);
    }
  }
  const headline =
    candidates.length > 0
      ? 'A browser was found, but none would start to render the handouts. Tried, in order:'
      : 'No browser found to render the handouts. Tried, in order:';
  throw new BrowserNotFoundError(
    [headline, ...tried.map((t) => `  - ${t}`), '', 'To fix it, install one:', ...INSTALL_HINTS.map((h) => `  ${h}`)].join('\n'),
  );
}

/**
 * puppeteer.launch with a deadline of our own. A browser that dies at the wrong moment
 * while starting is not always noticed by Puppeteer, whose launch then never settles;
 * if it settles late, the browser it started is killed.
 */
async function startWithin(timeoutMs: number, options: LaunchOptions): Promise<Browser> {
  const launching = puppeteer.launch(options);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not start within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    return await Promise.race([launching, deadline]);
  } catch (error) {
    launching.then(
      (late) => late.process()?.kill('SIGKILL'),
      () => undefined,
    );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}
