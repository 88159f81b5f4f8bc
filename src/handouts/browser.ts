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
import { rm } from 'node:fs/promises';
import { platform as osPlatform } from 'node:os';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer';
import { findShippedChromium, type ShippedChromium, type UnpackedBrowser } from './npm-chromium.ts';

/** What the npm-shipped Chromium is called until it is unpacked (it has no path before). */
export const NPM_CHROMIUM_PATH = 'installed, unpacked into a private folder only if used';

/** Where a candidate came from, for messages and the manifest. */
export type BrowserSource = 'flag' | 'env' | 'puppeteer-cache' | 'system' | 'npm-chromium';

export interface BrowserCandidate {
  source: BrowserSource;
  executablePath: string;
  /** Extra flags this build needs (the npm-shipped Chromium is a headless shell). */
  extraArgs: string[];
  /** For the npm-shipped Chromium: unpacks it, only once it is the browser about to start. */
  unpack?: () => Promise<UnpackedBrowser>;
}

/** What the lookup may touch, injectable so each branch can be unit-tested. */
export interface LookupEnvironment {
  flagPath: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isExecutable: (path: string) => boolean;
  /** Path where Puppeteer's own download would be; may not exist. */
  puppeteerPath: () => Promise<string | undefined>;
  /** The npm-shipped Chromium, not yet unpacked, or undefined when it is not installed. */
  npmChromium: () => Promise<ShippedChromium | undefined>;
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
export async function findBrowserCandidates(
  lookup: LookupEnvironment,
  tried: string[] = [],
): Promise<BrowserCandidate[]> {
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
    if (ok && !candidates.some((c) => c.executablePath === path))
      candidates.push({ source, executablePath: path, extraArgs });
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
      if (shipped) {
        tried.push(`@sparticuz/chromium: ${NPM_CHROMIUM_PATH}`);
        candidates.push({
          source: 'npm-chromium',
          executablePath: NPM_CHROMIUM_PATH,
          extraArgs: shipped.args,
          unpack: shipped.unpack,
        });
      } else tried.push('@sparticuz/chromium: not installed (optional dependency)');
    } catch (error) {
      tried.push(`@sparticuz/chromium: could not be loaded (${(error as Error).message})`);
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
    npmChromium: findShippedChromium,
  };
}

/**
 * Chromium's sandbox cannot start as root, which is how CI and containers run.
 * This is the one place that decides to switch it off.
 */
export function needsNoSandbox(uid: number | null = process.getuid?.() ?? null): boolean {
  return uid === 0;
}

/** Flags for every launch: no background traffic to Google, no first-run UI, no name lookups, no UDP. */
export function baseLaunchArgs(noSandbox: boolean): string[] {
  return [
    // Every host name fails without a lookup, and so does every address but loopback: neither a page
    // nor Chromium's own services (which otherwise send a hundred DNS queries per run) reach a resolver.
    `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${LOOPBACK_HOST}`,
    // WebRTC sends STUN over UDP, which no request interception sees: allow UDP only through a proxy, and there is none.
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--webrtc-ip-handling-policy=disable_non_proxied_udp',
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

/** The one address the renderer's local server listens on, and so the only one a browser may reach. */
export const LOOPBACK_HOST = '127.0.0.1';

/** An address that never answers: connections to it are refused, so nothing sent through it leaves the machine. */
const DEAD_PROXY = `http://${LOOPBACK_HOST}:0`;

/**
 * Flags that send every connection but those to `origin` into a proxy that does not exist.
 * Request interception does not see WebSockets (and DevTools' URL blocking ignores them),
 * so this is what stops `ws:`/`wss:` to another port of this machine. Chromium skips
 * proxies for loopback by default; `<-loopback>` undoes that, and only `origin` is exempt.
 */
export function onlyOriginArgs(origin: string): string[] {
  const { protocol, hostname, port } = new URL(origin);
  if (protocol !== 'http:' || hostname !== LOOPBACK_HOST || port === '') {
    throw new Error(`the renderer's origin must be http://${LOOPBACK_HOST}:<port>, not "${origin}"`);
  }
  return [`--proxy-server=${DEAD_PROXY}`, `--proxy-bypass-list=<-loopback>;${hostname}:${port}`];
}

export interface LaunchIsolation {
  /** When set, the browser can open connections to this origin only (see onlyOriginArgs). */
  onlyOrigin?: string;
}

/**
 * Starts the first candidate that works, or explains what was tried and how to fix it.
 * `timeoutMs` bounds each start (see startWithin) and each call to the browser afterwards.
 */
export async function launchBrowser(
  flagPath?: string,
  timeoutMs = 30_000,
  isolation: LaunchIsolation = {},
): Promise<{ browser: Browser; candidate: BrowserCandidate }> {
  const isolationArgs = isolation.onlyOrigin ? onlyOriginArgs(isolation.onlyOrigin) : [];
  const tried: string[] = [];
  const candidates = await findBrowserCandidates(systemLookup(flagPath), tried);
  const noSandbox = needsNoSandbox();
  const started = await startFirstCandidate(candidates, tried, (executablePath, extraArgs) =>
    startWithin(timeoutMs, {
      executablePath,
      headless: true,
      // DevTools over a pipe, not a port: no other process can connect to it, and Chromium quits when
      // the pipe closes, so a renderer killed outright (SIGKILL, out of memory) leaves no browser behind.
      pipe: true,
      timeout: timeoutMs,
      // Puppeteer's own default is 180 s per call to the browser. Each page's attempt has its
      // own deadline (render-pool.ts); this bounds the calls outside one (start, close). Not
      // below 30 s: a busy machine answers some calls slowly, and a call that times out
      // makes Puppeteer drop the browser's connection, which fails every page at once.
      protocolTimeout: Math.max(timeoutMs, 30_000),
      args: [...new Set([...baseLaunchArgs(noSandbox), ...isolationArgs, ...extraArgs])],
      // We close the browser ourselves, also on Ctrl-C (see run.ts).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    }),
  );
  if (started) {
    const { browser: startedBrowser, unpackedFolder } = started;
    if (unpackedFolder)
      startedBrowser.once('disconnected', () => void rm(unpackedFolder, { recursive: true, force: true }));
    return { browser: startedBrowser, candidate: started.candidate };
  }
  const headline =
    candidates.length > 0
      ? 'A browser was found, but none would start to render the handouts. Tried, in order:'
      : 'No browser found to render the handouts. Tried, in order:';
  throw new BrowserNotFoundError(
    [
      headline,
      ...tried.map((t) => `  - ${t}`),
      '',
      'To fix it, install one:',
      ...INSTALL_HINTS.map((h) => `  ${h}`),
    ].join('\n'),
  );
}

/**
 * Tries the candidates in order with `start`, recording failures in `tried`. A candidate that
 * must be unpacked is unpacked only when its turn comes, and its folder removed if it fails.
 */
export async function startFirstCandidate<T>(
  candidates: BrowserCandidate[],
  tried: string[],
  start: (executablePath: string, extraArgs: string[]) => Promise<T>,
): Promise<{ browser: T; candidate: BrowserCandidate; unpackedFolder?: string } | undefined> {
  for (const candidate of candidates) {
    let unpacked: UnpackedBrowser | undefined;
    try {
      unpacked = await candidate.unpack?.();
    } catch (error) {
      tried.push(`@sparticuz/chromium: could not be unpacked (${firstLine((error as Error).message)})`);
      continue;
    }
    const executablePath = unpacked?.executablePath ?? candidate.executablePath;
    try {
      const browser = await start(executablePath, candidate.extraArgs);
      return { browser, candidate: { ...candidate, executablePath }, unpackedFolder: unpacked?.folder };
    } catch (error) {
      if (unpacked) await rm(unpacked.folder, { recursive: true, force: true });
      tried.push(`${executablePath}: failed to start (${firstLine((error as Error).message)})`);
    }
  }
  return undefined;
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
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? text
  );
}
