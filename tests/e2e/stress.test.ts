/**
 * Stress: 200 generated pages (scripts/bench/fixture-site.ts, written straight
 * to disk, no Astro build) render to 200 PDFs, each one readable and holding its
 * own page's text, with a bounded number of tabs open at any time.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSite, type FixturePage } from '../../scripts/bench/fixture-site.ts';
import { readPdf } from '../support/pdf.ts';
import { leftoverProcesses, runPdfWatched, type WatchedRun } from '../support/processes.ts';

const PAGES = 200;
const CONCURRENCY = 2;

describe(`rendering ${PAGES} generated pages`, () => {
  let dir: string;
  let pages: FixturePage[];
  let run: WatchedRun;
  let result: { code: number | null; signal: NodeJS.Signals | null };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guide-stress-'));
    pages = await writeFixtureSite(join(dir, 'site'), { pages: PAGES });
    // One PDF per page: large print on one paper size.
    run = runPdfWatched([
      '--site',
      join(dir, 'site'),
      '--large-print',
      '--paper',
      'letter',
      '--concurrency',
      String(CONCURRENCY),
    ]);
    result = await run.exited;
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('succeeds and reports every PDF', () => {
    expect(result.code, run.output()).toBe(0);
    expect(run.output()).toContain(`[${PAGES}/${PAGES}]`);
  });

  it(`writes ${PAGES} PDFs, each readable and holding its own page`, { timeout: 300_000 }, async () => {
    const folder = join(dir, 'site/handouts/large-print/letter');
    const files = (await readdir(folder)).filter((name) => name.endsWith('.pdf')).sort();
    expect(files).toEqual(pages.map((page) => `${page.slug}.pdf`).sort());
    for (const page of pages) {
      const pdf = await readPdf(join(folder, `${page.slug}.pdf`));
      expect(pdf.pages, page.slug).toBeGreaterThanOrEqual(1);
      expect(pdf.text, page.slug).toContain(page.marker);
    }
  });

  it('keeps the number of open tabs bounded and leaves no Chromium behind', async () => {
    expect(run.chromiumSeen.size, 'the watcher saw the browser').toBeGreaterThan(0);
    // One renderer process per open tab, plus a spare Chromium keeps ready and closed
    // tabs' processes still exiting: far below one per page, which a tab leak would give.
    expect(run.maxRenderers()).toBeGreaterThan(0);
    expect(run.maxRenderers()).toBeLessThanOrEqual(CONCURRENCY * 2 + 2);
    expect(await leftoverProcesses(run.marker)).toEqual([]);
  });
});
