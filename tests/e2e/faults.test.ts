/**
 * Fault injection for `npm run pdf`, run as a child process the way a clinic
 * runs it. Each fault happens after a good run has published handouts:
 *
 * - a page that never settles (scripts/bench/fixture-site.ts: it keeps requests
 *   to the local server in flight, so it never fires `load`), retried once;
 * - the browser killed once (relaunched, the run completes) or again and again;
 * - Ctrl-C (SIGINT) or SIGTERM in the middle of the run, or SIGKILL (no Chromium may survive it);
 * - an uncaught error thrown inside the process (tests/support/inject-uncaught.ts);
 * - inputs that are not a usable build (no folder, an empty folder, a page
 *   with no handout content).
 *
 * Whenever a run fails, the previous handouts and manifest must stay
 * byte-identical, the exit code must be non-zero, no staging or temporary file
 * may remain, and no Chromium process started by the run may outlive it.
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFixtureSite, type FixturePage } from '../../scripts/bench/fixture-site.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import {
  chromiumProcesses,
  descendantsOf,
  leftoverProcesses,
  runPdfWatched,
  type WatchedRun,
} from '../support/processes.ts';
import { snapshot } from '../support/snapshot.ts';

/** One PDF per page keeps the runs short: large print, one paper size. */
const ONE_PDF_PER_PAGE = ['--large-print', '--paper', 'letter'];

let dir: string;
let site: string;

/** Staging folders, old copies and half-written files anywhere in the test folder. */
async function temporaryFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => /\.staging-|\.old-|\.tmp$/.test(path));
}

/**
 * Sites with a finished, published set of handouts, by page count: the first, good run is
 * the same in every test, so it runs once per count and each test gets a copy of its result
 * (a run costs a Node start, a browser start and the search index; a copy costs milliseconds).
 */
const goodRuns = new Map<number, Promise<{ folder: string; pages: FixturePage[] }>>();
let goodRunsDir: string | undefined;

function goodRun(count: number): Promise<{ folder: string; pages: FixturePage[] }> {
  let run = goodRuns.get(count);
  if (!run) {
    run = (async () => {
      goodRunsDir ??= await mkdtemp(join(tmpdir(), 'guide-faults-published-'));
      const folder = join(goodRunsDir, `site-${count}`);
      const pages = await writeFixtureSite(folder, { pages: count });
      const first = runPdfWatched(['--site', folder, ...ONE_PDF_PER_PAGE]);
      const result = await first.exited;
      if (result.code !== 0) throw new Error(`the first, good run failed:\n${first.output()}`);
      return { folder, pages };
    })();
    goodRuns.set(count, run);
  }
  return run;
}

/** A site with `count` pages and a finished, published set of handouts for it. */
async function publishedSite(count: number): Promise<{ pages: FixturePage[]; before: Record<string, string> }> {
  const { folder, pages } = await goodRun(count);
  await cp(folder, site, { recursive: true });
  const before = await snapshot(join(site, 'handouts'));
  expect(Object.keys(before)).toContain('manifest.json');
  return { pages, before };
}

/** What every failed run must leave: the last good handouts, no temporary files, no browser. */
async function expectCleanFailure(run: WatchedRun, code: number | null, before: Record<string, string>): Promise<void> {
  expect(code, run.output()).not.toBe(0);
  expect(code, run.output()).not.toBeNull();
  expect(await snapshot(join(site, 'handouts'))).toEqual(before);
  expect(await temporaryFiles()).toEqual([]);
  expect(await leftoverProcesses(run.marker)).toEqual([]);
}

/** Kills the browser the run started (its main process, a direct child of node). */
function killBrowser(run: WatchedRun): number {
  const pid = run.child.pid;
  if (pid === undefined) return 0;
  const browsers = chromiumProcesses(descendantsOf(pid)).filter((row) => row.ppid === pid);
  let killed = 0;
  for (const browser of browsers) {
    try {
      process.kill(browser.pid, 'SIGKILL');
      killed += 1;
    } catch {
      // Exited on its own meanwhile.
    }
  }
  return killed;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guide-faults-'));
  site = join(dir, 'site');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Made before the tests, so their own time limits measure the faults, not the good runs.
beforeAll(async () => {
  await goodRun(3);
  await goodRun(2);
}, 300_000);

afterAll(async () => {
  if (goodRunsDir) await rm(goodRunsDir, { recursive: true, force: true });
});

describe('npm run pdf under faults', () => {
  it('retries a page that never settles once, then fails naming it and publishes nothing', {
    timeout: 120_000,
  }, async () => {
    const { before } = await publishedSite(3);
    await writeFixtureSite(site, { pages: 3, neverSettles: ['stuck-page'] });

    // 4 s: the stuck page still fails fast, and a browser start or a good page on a busy machine
    // (another test file runs beside this one) stays well within it.
    const run = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--force', '--timeout', '4']);
    const { code } = await run.exited;
    const output = run.output();
    expect(output).toMatch(/retrying .*stuck-page/);
    expect(output).toMatch(/nothing was published/);
    expect(output).toMatch(/- .*stuck-page.*\/stuck-page\/.*(timeout|Timeout|exceeded)/);
    // Only the stuck page failed: the others were rendered and then not published.
    expect(output).not.toMatch(/- .*fixture-00\d/);
    await expectCleanFailure(run, code, before);
  });

  it('relaunches a browser killed mid-run and still completes', { timeout: 120_000 }, async () => {
    const pages = await writeFixtureSite(site, { pages: 16 });
    const run = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--concurrency', '2']);
    await run.waitFor(/^\[2\//m);
    expect(killBrowser(run)).toBe(1);
    const { code } = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(run.output()).toMatch(/retrying/);
    const written = await readdir(join(site, 'handouts/large-print/letter'));
    expect(written.sort()).toEqual(pages.map((page) => `${page.slug}.pdf`).sort());
    expect(await temporaryFiles()).toEqual([]);
    expect(await leftoverProcesses(run.marker)).toEqual([]);
  });

  it('fails naming the pages, and publishes nothing, when the browser keeps dying', { timeout: 120_000 }, async () => {
    const { before } = await publishedSite(3);
    await writeFixtureSite(site, { pages: 12 });
    // A browser killed while it starts can go unnoticed until the start times out: keep that short.
    const run = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--force', '--concurrency', '2', '--timeout', '5']);
    await run.waitFor(/^\[1\//m);
    const killer = setInterval(() => killBrowser(run), 50);
    const { code } = await run.exited.finally(() => clearInterval(killer));
    expect(run.output()).toMatch(/nothing was published/);
    expect(run.output()).toMatch(/- .*fixture-\d{3}/);
    // It gives up after a few new browsers instead of starting one after another.
    expect(run.output().match(/starting a new one/g)?.length ?? 0).toBeLessThanOrEqual(3);
    await expectCleanFailure(run, code, before);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('stops cleanly on %s in the middle of a run', { timeout: 120_000 }, async (signal, expected) => {
    const { before } = await publishedSite(3);
    await writeFixtureSite(site, { pages: 30 });
    const run = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--force', '--concurrency', '2']);
    await run.waitFor(/^\[2\//m);
    run.child.kill(signal);
    const { code } = await run.exited;
    expect(code, run.output()).toBe(expected);
    expect(run.output()).toMatch(new RegExp(`Received ${signal}`));
    await expectCleanFailure(run, code, before);
  });

  it('leaves no Chromium, and no staging folder inside the site, when the run is killed outright (SIGKILL)', {
    timeout: 120_000,
  }, async () => {
    await writeFixtureSite(site, { pages: 30 });
    const run = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--force', '--concurrency', '2']);
    await run.waitFor(/^\[2\//m);
    // Control: the run's browser is alive at the moment the run is killed.
    expect(chromiumProcesses(descendantsOf(run.child.pid ?? 0)).length).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    // Nothing can clean up after SIGKILL: the browser must quit on its own, within a bounded wait.
    expect(await leftoverProcesses(run.marker, 15_000)).toEqual([]);
    // The half-written staging folder it leaves is beside the site, never inside the served folder...
    const left = await temporaryFiles();
    expect(left.some((path) => /\.staging-/.test(path))).toBe(true);
    expect(left.filter((path) => path.startsWith('site/'))).toEqual([]);
    // ...and the next run clears it.
    const next = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--only', 'fixture-001']);
    expect((await next.exited).code, next.output()).toBe(0);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('cleans up after an uncaught error inside the run', { timeout: 120_000 }, async () => {
    const { before } = await publishedSite(3);
    await writeFixtureSite(site, { pages: 30 });
    const inject = join(PROJECT_ROOT, 'tests/support/inject-uncaught.ts');
    const run = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--force', '--concurrency', '2'], {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${inject}`,
    });
    const { code } = await run.exited;
    expect(run.output()).toMatch(/injected uncaught error/);
    await expectCleanFailure(run, code, before);
  });
});

describe('npm run pdf on input that is not a usable build', () => {
  it('says to build the site first when the folder does not exist', async () => {
    const run = runPdfWatched(['--site', join(dir, 'dist')]);
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output()).toMatch(/does not exist/);
    expect(run.output()).toMatch(/npm run build:site/);
    expect(run.chromiumSeen.size).toBe(0);
  });

  it('says the build is incomplete when the folder is empty', async () => {
    await mkdir(join(dir, 'dist'));
    const run = runPdfWatched(['--site', join(dir, 'dist')]);
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output()).toMatch(/handout-pages\.json/);
    expect(run.output()).toMatch(/npm run build:site/);
    expect(await readdir(join(dir, 'dist'))).toEqual([]);
  });

  it('names a page that has no handout content, and publishes nothing', { timeout: 120_000 }, async () => {
    const { before } = await publishedSite(2);
    await writeFixtureSite(site, { pages: 2, noContent: ['empty-page'] });
    const run = runPdfWatched(['--site', site, ...ONE_PDF_PER_PAGE, '--force']);
    const { code } = await run.exited;
    expect(run.output()).toMatch(/empty-page.*\/empty-page\/.*no handout content/);
    expect(run.output()).toMatch(/npm run build:site/);
    await expectCleanFailure(run, code, before);
  });
});
