/**
 * An edit to any module the renderer runs re-renders the PDFs it shapes, found
 * through the renderer's import graph (no list of files to keep up to date).
 * The run's key is computed from a copy of the renderer's modules, so the test
 * can edit one without touching the real source; the run is observed through
 * its typed events.
 */
import { cp, mkdir, mkdtemp, appendFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSite } from '../../scripts/bench/fixture-site.ts';
import { RENDERER_ENTRY } from '../../src/handouts/cache.ts';
import { recordEvents } from '../../src/handouts/events.ts';
import { moduleGraph } from '../../src/handouts/module-graph.ts';
import { defaultHandoutOptions, type HandoutOptions } from '../../src/handouts/options.ts';
import { runHandouts } from '../../src/handouts/run.ts';
import { PROJECT_ROOT, TEST_OUT } from '../support/paths.ts';

let work: string;
let copyRoot: string;
let options: HandoutOptions;

/** Runs the handouts and counts what was rendered and what was kept, from the events. */
async function run(): Promise<{ written: string[]; kept: number }> {
  const { events, listener } = recordEvents();
  await runHandouts(options, { signal: new AbortController().signal, onEvent: listener });
  return {
    written: events.flatMap((event) => (event.type === 'written' ? [event.entry.file] : [])).sort(),
    kept: events.flatMap((event) => (event.type === 'kept' ? event.entries : [])).length,
  };
}

beforeAll(async () => {
  // Inside the project, so the copy's package imports (pdf-lib) resolve as the real ones do.
  await mkdir(TEST_OUT, { recursive: true });
  work = await mkdtemp(join(TEST_OUT, 'cache-invalidation-'));
  copyRoot = join(work, 'renderer');
  for (const file of (await moduleGraph(RENDERER_ENTRY)).files) {
    const target = join(copyRoot, relative(PROJECT_ROOT, file));
    await mkdir(dirname(target), { recursive: true });
    await cp(file, target);
  }
  const site = join(work, 'site');
  await writeFixtureSite(site, { pages: 2 });
  options = {
    ...defaultHandoutOptions(site),
    sheets: false,
    standard: false,
    booklet: false,
    papers: ['letter'],
    concurrency: 2,
    rendererEntry: pathToFileURL(join(copyRoot, relative(PROJECT_ROOT, fileURLToPath(RENDERER_ENTRY)))),
  };
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the handout cache and the renderer source', () => {
  it('renders everything the first time, then keeps it all when nothing changed', { timeout: 120_000 }, async () => {
    expect((await run()).written).toEqual(['large-print/letter/fixture-001.pdf', 'large-print/letter/fixture-002.pdf']);
    expect(await run()).toEqual({ written: [], kept: 2 });
  });

  it.each(['src/handouts/html.ts', 'src/handouts/pdfua.ts', 'src/handouts/produce.ts'])(
    'renders them again after an edit to %s',
    { timeout: 120_000 },
    async (module) => {
      await appendFile(join(copyRoot, module), `\n// edited by a test: ${Date.now()}\n`);
      expect((await run()).written).toEqual([
        'large-print/letter/fixture-001.pdf',
        'large-print/letter/fixture-002.pdf',
      ]);
      // And the edit is then the new normal: nothing to do again.
      expect((await run()).written).toEqual([]);
    },
  );
});
