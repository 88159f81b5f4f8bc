import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  baseLaunchArgs,
  findBrowserCandidates,
  needsNoSandbox,
  systemLookup,
  type LookupEnvironment,
} from '../../scripts/handouts/browser.ts';

/** A machine where only the paths in `present` exist. */
function machine(present: string[], overrides: Partial<LookupEnvironment> = {}): LookupEnvironment {
  return {
    flagPath: undefined,
    env: {},
    platform: 'linux',
    isExecutable: (path) => present.includes(path),
    puppeteerPath: async () => '/home/me/.cache/puppeteer/chrome/linux-1/chrome',
    npmChromium: async () => undefined,
    ...overrides,
  };
}

describe('browser lookup order', () => {
  it('1. uses --browser first, even when other browsers exist', async () => {
    const found = await findBrowserCandidates(machine(['/opt/chrome', '/usr/bin/chromium'], { flagPath: '/opt/chrome', env: { PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' } }));
    expect(found).toEqual([{ source: 'flag', executablePath: '/opt/chrome', extraArgs: [] }]);
  });

  it('1. fails clearly when --browser points nowhere, instead of falling back', async () => {
    const lookup = findBrowserCandidates(machine(['/usr/bin/chromium'], { flagPath: '/nope/chrome' }));
    await expect(lookup).rejects.toThrow(BrowserNotFoundError);
    await expect(lookup).rejects.toThrow(/--browser points to "\/nope\/chrome"/);
  });

  it('2. uses PUPPETEER_EXECUTABLE_PATH when there is no flag', async () => {
    const found = await findBrowserCandidates(machine(['/env/chrome', '/usr/bin/chromium'], { env: { PUPPETEER_EXECUTABLE_PATH: '/env/chrome' } }));
    expect(found.map((c) => c.source)).toEqual(['env']);
  });

  it('2. fails clearly when PUPPETEER_EXECUTABLE_PATH points nowhere', async () => {
    await expect(findBrowserCandidates(machine([], { env: { PUPPETEER_EXECUTABLE_PATH: '/gone' } }))).rejects.toThrow(/PUPPETEER_EXECUTABLE_PATH points to "\/gone"/);
  });

  it("3. prefers Puppeteer's own browser, then 4. system browsers, then 5. the npm Chromium", async () => {
    const puppeteerPath = '/home/me/.cache/puppeteer/chrome/linux-1/chrome';
    const found = await findBrowserCandidates(
      machine([puppeteerPath, '/usr/bin/chromium', '/usr/bin/google-chrome', '/tmp/chromium'], {
        npmChromium: async () => ({ executablePath: '/tmp/chromium', args: ['--single-process'] }),
      }),
    );
    expect(found.map((c) => [c.source, c.executablePath])).toEqual([
      ['puppeteer-cache', puppeteerPath],
      ['system', '/usr/bin/chromium'],
      ['system', '/usr/bin/google-chrome'],
      ['npm-chromium', '/tmp/chromium'],
    ]);
    expect(found.at(-1)?.extraArgs).toEqual(['--single-process']);
  });

  it("3. asks Puppeteer for the path of its own browser (a path, not a promise)", async () => {
    const path = await systemLookup(undefined).puppeteerPath();
    expect(typeof path).toBe('string');
    expect(path).toMatch(/chrome/i);
  });

  it('4. finds a system browser when Puppeteer has none', async () => {
    const found = await findBrowserCandidates(machine(['/usr/bin/chromium-browser']));
    expect(found.map((c) => c.executablePath)).toEqual(['/usr/bin/chromium-browser']);
  });

  it('4. looks in the usual macOS place on a Mac', async () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const found = await findBrowserCandidates(machine([mac], { platform: 'darwin' }));
    expect(found.map((c) => c.executablePath)).toEqual([mac]);
  });

  it('5. falls back to the npm-shipped Chromium on Linux only', async () => {
    const npmChromium = async (): Promise<{ executablePath: string; args: string[] }> => ({ executablePath: '/tmp/chromium', args: [] });
    expect((await findBrowserCandidates(machine(['/tmp/chromium'], { npmChromium }))).map((c) => c.source)).toEqual(['npm-chromium']);
    expect(await findBrowserCandidates(machine(['/tmp/chromium'], { npmChromium, platform: 'darwin' }))).toEqual([]);
  });

  it('records everything it tried when nothing is found', async () => {
    const tried: string[] = [];
    const found = await findBrowserCandidates(
      machine([], {
        npmChromium: async () => {
          throw new Error('brotli archive missing');
        },
      }),
      tried,
    );
    expect(found).toEqual([]);
    expect(tried.join('\n')).toMatch(/Puppeteer's downloaded browser: .* \(not found\)/);
    expect(tried.join('\n')).toContain('system browser: /usr/bin/chromium (not found)');
    expect(tried.join('\n')).toContain('@sparticuz/chromium: could not be unpacked (brotli archive missing)');
  });
});

describe('sandbox and network flags', () => {
  it('switches the sandbox off only for root', () => {
    expect(needsNoSandbox(0)).toBe(true);
    expect(needsNoSandbox(1000)).toBe(false);
    // Windows has no user ids and no root.
    expect(needsNoSandbox(null)).toBe(false);
    expect(baseLaunchArgs(false)).not.toContain('--no-sandbox');
    expect(baseLaunchArgs(true)).toContain('--no-sandbox');
  });

  it('always turns background networking off', () => {
    for (const flag of ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']) {
      expect(baseLaunchArgs(false)).toContain(flag);
    }
  });
});
