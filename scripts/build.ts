/**
 * `npm run build`: the whole build (site, handouts, search index, service worker;
 * src/plugin/pipeline.ts) into a fresh folder beside the output folder, swapped in
 * only when it all succeeded. `astro build` alone empties its output folder first,
 * so a failed handout step used to leave new pages live and the last good handouts
 * gone; now a failure or Ctrl-C leaves the previous dist/ exactly as it was.
 *
 * The output folder is the one astro.config.mjs uses: GUIDE_OUT_DIR, else dist/
 * (relative to --root, default the project). Leftovers of runs that were killed
 * outright (`.dist.next-…`) are cleared at the start (src/lib/side-folders.ts).
 */
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { clearStaleSideFolders, removeWithSideFoldersSync, sideFolder, swapInSync } from '../src/lib/side-folders.ts';

const HELP = `Build the guide (site and handouts) and publish it all at once.

Usage: npm run build [-- --root <dir>]

  --root <dir>   Astro project to build. Default: this project
  --help         Show this help

Writes into a fresh folder beside the output folder (GUIDE_OUT_DIR, default dist/)
and swaps it in only when every step succeeded. A failed or interrupted build
leaves the previous output folder as it was.`;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { root: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const root = resolve(values.root ?? '.');
  const target = resolve(root, process.env.GUIDE_OUT_DIR ?? 'dist');
  for (const path of clearStaleSideFolders(dirname(target), basename(target)))
    console.log(`Cleared ${path}, left by a build that was stopped.`);
  const next = sideFolder(target, 'next');

  // Ctrl-C: drop the unfinished folder and quit at once. The handout browser is
  // connected over a pipe, so it quits with this process (src/handouts/browser.ts).
  const stop = (signal: NodeJS.Signals): void => {
    console.error(`\nReceived ${signal}: the build is stopped; ${target} is left as it was.`);
    removeWithSideFoldersSync(next);
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await build({ root, outDir: next });
    swapInSync(next, target);
    console.log(`Published the build to ${target}.`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.error(`\nThe build failed; ${target} is left as it was.`);
    return 1;
  } finally {
    removeWithSideFoldersSync(next);
  }
}

process.exit(await main());
