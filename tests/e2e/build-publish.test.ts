/**
 * `npm run build` publishes a complete site + handouts or leaves the previous
 * output folder as it was (scripts/build.ts). `astro build` alone empties the
 * folder first, so each failure below used to leave new pages live and the last
 * good handouts gone:
 *
 * - the guide's own build failing in its handout step, after every page is written
 *   (the browser it is told to use does not exist);
 * - Ctrl-C (SIGINT) while the handouts print, and SIGTERM during a fixture's last step
 *   (tests/fixtures/late-step);
 * - and a good build replaces the folder and clears what a killed build left beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumProcesses, descendantsOf, leftoverProcesses, runWatched } from '../support/processes.ts';
import { snapshot } from '../support/snapshot.ts';

let dir: string;
let dist: string;

/** What a clinic's last good build might hold: pages and handouts. */
async function previousBuild(): Promise<Record<string, string>> {
  await mkdir(join(dist, 'handouts', 'letter'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>last good build</title>');
  await writeFile(join(dist, 'handouts', 'letter', 'what-is-ketamine.pdf'), '%PDF-1.7 last good handout');
  await writeFile(join(dist, 'handouts', 'manifest.json'), '{"handouts":[]}');
  return snapshot(dist);
}

/** Anything a build left beside the output folder (its fresh or old copies, the handouts' staging). */
async function sideFolders(): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('.'));
}

function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // NODE_ENV=production: vitest sets "test", and Astro would then build in development mode.
  return { NODE_ENV: 'production', GUIDE_OUT_DIR: dist, GUIDE_CACHE_DIR: join(dir, 'cache'), ...extra };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guide-build-publish-'));
  dist = join(dir, 'dist');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run build keeps the previous output when it cannot finish', () => {
  it('leaves dist/ byte-identical when the handout step fails after the pages are written', {
    timeout: 300_000,
  }, async () => {
    const before = await previousBuild();
    const run = runWatched('scripts/build.ts', [], buildEnv({ PUPPETEER_EXECUTABLE_PATH: join(dir, 'no-browser') }));
    const { code } = await run.exited;
    expect(code, run.output()).toBe(1);
    // Control: the build got as far as the handouts, so the pages were already written.
    // The browser lookup's own message (this is also the test that a build without a browser fails with it).
    expect(run.output()).toMatch(
      /PUPPETEER_EXECUTABLE_PATH points to ".*no-browser", but no executable browser is there/,
    );
    expect(run.output()).toMatch(/generating static routes/i);
    expect(await snapshot(dist)).toEqual(before);
    expect(await sideFolders()).toEqual([]);
  });

  it('leaves dist/ intact and no fresh folder when Ctrl-C stops it while the handouts print', {
    timeout: 300_000,
  }, async () => {
    const before = await previousBuild();
    const run = runWatched('scripts/build.ts', [], buildEnv());
    await run.waitFor(/Rendering \d+ PDFs/);
    // Control: the fresh folder exists at the moment of Ctrl-C, with pages in it.
    const fresh = (await sideFolders()).filter((name) => name.startsWith('.dist.next-'));
    expect(fresh).toHaveLength(1);
    expect(await readdir(join(dir, fresh[0] ?? ''))).toContain('index.html');
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code, run.output()).toBe(130);
    expect(await snapshot(dist)).toEqual(before);
    expect(await sideFolders()).toEqual([]);
    expect(await leftoverProcesses(run.marker, 15_000)).toEqual([]);
  });

  it('leaves dist/ intact when SIGTERM stops it in its last step', { timeout: 120_000 }, async () => {
    const before = await previousBuild();
    const run = runWatched(
      'scripts/build.ts',
      ['--root', 'tests/fixtures/late-step'],
      buildEnv({ GUIDE_TEST_LATE_STEP: 'wait' }),
    );
    await run.waitFor(/late step is waiting/);
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code, run.output()).toBe(143);
    expect(await snapshot(dist)).toEqual(before);
    expect(await sideFolders()).toEqual([]);
    expect(chromiumProcesses(descendantsOf(process.pid))).toEqual([]);
  });

  it('replaces dist/ when it succeeds, and clears what a killed build left beside it', {
    timeout: 120_000,
  }, async () => {
    await previousBuild();
    // A fresh folder of a build killed outright: its process id is one that has exited.
    const gone = spawnSync('true').pid;
    const stale = join(dir, `.dist.next-${gone}-deadbeef`);
    await mkdir(stale);
    await writeFile(join(stale, 'index.html'), 'half-written');
    const run = runWatched('scripts/build.ts', ['--root', 'tests/fixtures/late-step'], buildEnv());
    const { code } = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toMatch(/Late step fixture/);
    // A complete new build: the last build's files are gone, not mixed in.
    expect(Object.keys(await snapshot(dist))).not.toContain('handouts/manifest.json');
    expect(await sideFolders()).toEqual([]);
  });
});
