import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  NPM_CHROMIUM_PATH,
  baseLaunchArgs,
  findBrowserCandidates,
  needsNoSandbox,
  onlyOriginArgs,
  startFirstCandidate,
  systemLookup,
  type LookupEnvironment,
} from '../../src/handouts/browser.ts';
import { privateFolder, unpackPrivately, type ShippedChromium } from '../../src/handouts/npm-chromium.ts';

/** An npm Chromium that counts its unpacks and "unpacks" into a folder of the test's own. */
function shippedChromium(args: string[] = []): ShippedChromium & { unpacks: () => number } {
  let unpacks = 0;
  return {
    args,
    unpack: async () => {
      unpacks += 1;
      const folder = await mkdtemp(join(tmpdir(), 'guide-test-unpacked-'));
      return { executablePath: join(folder, 'chromium'), folder };
    },
    unpacks: () => unpacks,
  };
}

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
    const found = await findBrowserCandidates(
      machine(['/opt/chrome', '/usr/bin/chromium'], {
        flagPath: '/opt/chrome',
        env: { PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium' },
      }),
    );
    expect(found).toEqual([{ source: 'flag', executablePath: '/opt/chrome', extraArgs: [] }]);
  });

  it('1. fails clearly when --browser points nowhere, instead of falling back', async () => {
    const lookup = findBrowserCandidates(machine(['/usr/bin/chromium'], { flagPath: '/nope/chrome' }));
    await expect(lookup).rejects.toThrow(BrowserNotFoundError);
    await expect(lookup).rejects.toThrow(/--browser points to "\/nope\/chrome"/);
  });

  it('2. uses PUPPETEER_EXECUTABLE_PATH when there is no flag', async () => {
    const found = await findBrowserCandidates(
      machine(['/env/chrome', '/usr/bin/chromium'], { env: { PUPPETEER_EXECUTABLE_PATH: '/env/chrome' } }),
    );
    expect(found.map((c) => c.source)).toEqual(['env']);
  });

  it('2. fails clearly when PUPPETEER_EXECUTABLE_PATH points nowhere', async () => {
    await expect(findBrowserCandidates(machine([], { env: { PUPPETEER_EXECUTABLE_PATH: '/gone' } }))).rejects.toThrow(
      /PUPPETEER_EXECUTABLE_PATH points to "\/gone"/,
    );
  });

  it("3. prefers Puppeteer's own browser, then 4. system browsers, then 5. the npm Chromium", async () => {
    const puppeteerPath = '/home/me/.cache/puppeteer/chrome/linux-1/chrome';
    const shipped = shippedChromium(['--single-process']);
    const found = await findBrowserCandidates(
      machine([puppeteerPath, '/usr/bin/chromium', '/usr/bin/google-chrome'], { npmChromium: async () => shipped }),
    );
    expect(found.map((c) => [c.source, c.executablePath])).toEqual([
      ['puppeteer-cache', puppeteerPath],
      ['system', '/usr/bin/chromium'],
      ['system', '/usr/bin/google-chrome'],
      ['npm-chromium', NPM_CHROMIUM_PATH],
    ]);
    expect(found.at(-1)?.extraArgs).toEqual(['--single-process']);
    // Listing it unpacks nothing.
    expect(shipped.unpacks()).toBe(0);
  });

  it('3. asks Puppeteer for the path of its own browser (a path, not a promise)', async () => {
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
    const shipped = shippedChromium();
    expect(
      (await findBrowserCandidates(machine([], { npmChromium: async () => shipped }))).map((c) => c.source),
    ).toEqual(['npm-chromium']);
    expect(await findBrowserCandidates(machine([], { npmChromium: async () => shipped, platform: 'darwin' }))).toEqual(
      [],
    );
  });

  it('5. never unpacks the npm Chromium when a browser before it starts', async () => {
    const shipped = shippedChromium();
    const candidates = await findBrowserCandidates(
      machine(['/usr/bin/chromium'], { npmChromium: async () => shipped }),
    );
    const started: string[] = [];
    const result = await startFirstCandidate(candidates, [], async (path) => {
      started.push(path);
      return 'browser';
    });
    expect(result?.candidate.source).toBe('system');
    expect(started).toEqual(['/usr/bin/chromium']);
    expect(shipped.unpacks()).toBe(0);
  });

  it('5. unpacks the npm Chromium when it is the browser chosen, and starts it from where it was unpacked', async () => {
    const shipped = shippedChromium();
    const candidates = await findBrowserCandidates(
      machine(['/usr/bin/chromium'], { npmChromium: async () => shipped }),
    );
    const tried: string[] = [];
    const started: string[] = [];
    const result = await startFirstCandidate(candidates, tried, async (path) => {
      started.push(path);
      if (path === '/usr/bin/chromium') throw new Error('crashed at start');
      return 'browser';
    });
    expect(shipped.unpacks()).toBe(1);
    expect(result?.candidate.source).toBe('npm-chromium');
    expect(result?.unpackedFolder).toBeDefined();
    expect(started).toEqual(['/usr/bin/chromium', join(result?.unpackedFolder ?? '', 'chromium')]);
    expect(tried.join('\n')).toContain('/usr/bin/chromium: failed to start (crashed at start)');
    await rm(result?.unpackedFolder ?? '', { recursive: true, force: true });
  });

  it('records everything it tried when nothing is found', async () => {
    const tried: string[] = [];
    const found = await findBrowserCandidates(
      machine([], {
        npmChromium: async () => {
          throw new Error('package broken');
        },
      }),
      tried,
    );
    expect(found).toEqual([]);
    expect(tried.join('\n')).toMatch(/Puppeteer's downloaded browser: .* \(not found\)/);
    expect(tried.join('\n')).toContain('system browser: /usr/bin/chromium (not found)');
    expect(tried.join('\n')).toContain('@sparticuz/chromium: could not be loaded (package broken)');
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
    for (const flag of [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ]) {
      expect(baseLaunchArgs(false)).toContain(flag);
    }
  });

  it('resolves no host name and sends no UDP outside a proxy', () => {
    expect(baseLaunchArgs(false)).toContain('--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1');
    expect(baseLaunchArgs(false)).toContain('--force-webrtc-ip-handling-policy=disable_non_proxied_udp');
  });
});

describe('unpacking the npm Chromium', () => {
  it('unpacks into a new folder that only this user can open, never the shared temp folder', async () => {
    const seen: string[] = [];
    const unpacked = await unpackPrivately(async () => {
      // The package unpacks into os.tmpdir(): it must be the private folder while it does.
      seen.push(tmpdir());
      const path = join(tmpdir(), 'chromium');
      await writeFile(path, 'binary');
      return path;
    });
    try {
      expect(seen).toEqual([unpacked.folder]);
      expect(unpacked.executablePath).toBe(join(unpacked.folder, 'chromium'));
      expect((await stat(unpacked.folder)).mode & 0o777).toBe(0o700);
      expect(tmpdir()).not.toBe(unpacked.folder);
    } finally {
      await rm(unpacked.folder, { recursive: true, force: true });
    }
  });

  it('gives each run a folder of its own', async () => {
    const [a, b] = await Promise.all([privateFolder(), privateFolder()]);
    try {
      expect(a).not.toBe(b);
    } finally {
      await Promise.all([rm(a ?? '', { recursive: true }), rm(b ?? '', { recursive: true })]);
    }
  });

  it('refuses a browser that turns out to be outside its private folder, and removes the folder', async () => {
    let folder = '';
    const unpacking = unpackPrivately(
      async () => '/tmp/chromium',
      async () => (folder = await privateFolder()),
    );
    await expect(unpacking).rejects.toThrow(/outside the private folder/);
    await expect(stat(folder)).rejects.toThrow(/ENOENT/);
  });
});

describe('a browser that can reach one origin only', () => {
  it('sends everything but that origin to a proxy that does not exist, loopback included', () => {
    const args = onlyOriginArgs('http://127.0.0.1:41234');
    expect(args).toContain('--proxy-bypass-list=<-loopback>;127.0.0.1:41234');
    expect(args.some((arg) => arg.startsWith('--proxy-server='))).toBe(true);
  });

  it('refuses an origin that is not the loopback address', () => {
    expect(() => onlyOriginArgs('http://192.168.1.10:8080')).toThrow(/127\.0\.0\.1/);
    expect(() => onlyOriginArgs('https://127.0.0.1:8443')).toThrow(/127\.0\.0\.1/);
  });
});
