/**
 * The guide's build, in one written order. Each step reads only what the steps
 * before it wrote, and no step changes a file a later step has already read:
 *
 *   1. pages           Astro renders every page; the Handouts pages get an empty table slot
 *   2. handouts        PDFs printed from those pages (src/handouts/run.ts)
 *   3. tables          the Handouts pages' tables filled in from the handout manifest
 *   4. search index    Pagefind indexes the finished pages
 *   5. service worker  sw.js lists every finished file and its revision
 *
 * `npm run build` runs 1-5 inside Astro's build (src/plugin/index.ts: steps 2-3 in
 * `astro:build:generated`, before Starlight's `astro:build:done` runs Pagefind, and
 * step 5 in `astro:build:done` after it). `npm run pdf` runs 2-5 again on a finished
 * build: a step whose input did not change writes nothing, so the site, its search
 * index and its offline copy always describe the PDFs on disk.
 */
import { resolve } from 'node:path';
import { HANDOUTS_DIR } from '../lib/handout-files.ts';
import { writeServiceWorker } from '../integrations/service-worker.ts';
import type { HandoutEventListener } from '../handouts/events.ts';
import { writeHandoutTables } from '../handouts/listing.ts';
import type { HandoutOptions } from '../handouts/options.ts';
import { runHandouts, type RunSummary } from '../handouts/run.ts';
import { writeSearchIndex } from './search-index.ts';

/** The steps, in the order they run. */
export const PIPELINE_ORDER = ['pages', 'handouts', 'tables', 'search-index', 'service-worker'] as const;

export interface StepControls {
  signal: AbortSignal;
  onEvent?: HandoutEventListener;
}

/**
 * Steps 2 and 3: the PDFs, then the tables that list them. Returns the run's summary and
 * whether any built page changed (so the index and the service worker must follow).
 */
export async function handoutSteps(
  options: HandoutOptions,
  controls: StepControls,
): Promise<{ summary: RunSummary; pagesChanged: boolean }> {
  const onEvent = controls.onEvent ?? (() => undefined);
  const summary = await runHandouts(options, controls);
  // PDFs written elsewhere (--out) are not the site's: its pages keep listing its own.
  if (resolve(options.out) !== resolve(options.site, HANDOUTS_DIR)) {
    onEvent({
      type: 'step',
      step: 'tables',
      changed: false,
      note: `the PDFs went to ${options.out}, not the site's handouts folder, so the Handouts pages were left as they were`,
    });
    return { summary, pagesChanged: false };
  }
  const tables = await writeHandoutTables(options.site, summary.index, summary.entries);
  for (const lang of tables.missing) {
    const file = `src/content/docs/${lang === 'en' ? '' : `${lang}/`}printable-handouts.mdx`;
    onEvent({
      type: 'step',
      step: 'tables',
      changed: false,
      note: `the ${lang} edition has no Handouts page to list its PDFs on (${file})`,
    });
  }
  const pagesChanged = tables.changed.length > 0;
  onEvent({ type: 'step', step: 'tables', changed: pagesChanged });
  return { summary, pagesChanged };
}

/** Step 5 on its own (the build runs step 4 through Starlight); returns its warnings. */
export async function serviceWorkerStep(siteDir: string): Promise<{ count: number; size: number; warnings: string[] }> {
  return writeServiceWorker(siteDir);
}

/**
 * `npm run pdf`: steps 2-5 on a finished build. The search index and the service worker
 * are redone only when a page changed; the PDFs themselves are not precached (see
 * service-worker.ts), so a new PDF alone changes neither.
 */
export async function runPipelineAfterPages(options: HandoutOptions, controls: StepControls): Promise<RunSummary> {
  const onEvent = controls.onEvent ?? (() => undefined);
  const { summary, pagesChanged } = await handoutSteps(options, controls);
  if (pagesChanged) {
    await writeSearchIndex(options.site);
    onEvent({ type: 'step', step: 'search-index', changed: true });
    await serviceWorkerStep(options.site);
    onEvent({ type: 'step', step: 'service-worker', changed: true });
  } else {
    onEvent({ type: 'step', step: 'search-index', changed: false });
    onEvent({ type: 'step', step: 'service-worker', changed: false });
  }
  return summary;
}
