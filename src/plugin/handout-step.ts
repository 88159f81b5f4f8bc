/**
 * The pipeline's steps 2 and 3 inside `astro build` (see pipeline.ts): print the
 * handouts from the pages Astro just wrote and fill in the Handouts pages'
 * tables, before Starlight's Pagefind and the service worker read those pages.
 *
 * Every build starts from an empty output folder (`npm run build` uses a fresh
 * one, scripts/build.ts; `astro build` empties its own), so the last
 * build's PDFs are kept in Astro's cache folder and put back first: unchanged
 * handouts are then kept rather than printed again (the cache key decides).
 */
import { cp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { defaultHandoutOptions } from '../handouts/options.ts';
import type { PaperSize } from '../lib/handout-files.ts';
import { formatEvent } from '../handouts/report.ts';
import { handoutSteps } from './pipeline.ts';

/** Folder inside Astro's cacheDir holding the last build's handouts. */
const SAVED_HANDOUTS = 'guide-handouts';

export interface HandoutStepInput {
  /** The build's output folder, as Astro passes it to its hooks. */
  dir: URL;
  /** Astro's cacheDir. */
  cacheDir: URL;
  logger: AstroIntegrationLogger;
  /** The clinic's paper (clinic.config.ts `paperSize`): only these PDFs are printed and kept. */
  papers: readonly PaperSize[];
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

export async function buildHandouts({ dir, cacheDir, logger, papers }: HandoutStepInput): Promise<void> {
  const site = fileURLToPath(dir);
  const options = defaultHandoutOptions(site, papers);
  const saved = join(fileURLToPath(cacheDir), SAVED_HANDOUTS);
  if ((await exists(saved)) && !(await exists(options.out))) await cp(saved, options.out, { recursive: true });

  // Ctrl-C during the build stops the run the way it stops `npm run pdf`: the browser is
  // closed and the build fails, instead of Node exiting with Chromium still running.
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => controller.abort(signal);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { summary } = await handoutSteps(options, {
      signal: controller.signal,
      onEvent: (event) => {
        const line = formatEvent(event);
        if (line !== undefined) logger.info(line.trim());
      },
    });
    logger.info(
      `Handouts: rendered ${summary.written.length}, kept ${summary.kept.length} unchanged, in ${summary.seconds.toFixed(1)} s.`,
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  await rm(saved, { recursive: true, force: true });
  await cp(options.out, saved, { recursive: true });
}
