/**
 * `npm run bench`: times the handout renderer on one built site and compares
 * its booklet with starlight-to-pdf, a community tool that prints a Starlight
 * site as one PDF. Nothing here is a test: it prints numbers for the README.
 *
 *   1. the renderer scenarios (scripts/bench/scenarios.ts): the full set cold, a
 *      rebuild with nothing changed, a rebuild with one page changed; files and
 *      printed pages per second, counted from the run's own events
 *   2. our English Letter booklet against starlight-to-pdf's installed binary on
 *      the same local server, alternating (ours, theirs, ours, theirs...) --runs
 *      times each: the median and range of the per-pair speed-up
 *   3. the site numbers (scripts/bench/site.ts) and memory over 200 handouts
 *      (scripts/bench/memory.ts), unless --renderer-only
 *
 * Usage: npm run bench -- [--site <built dir>] [--runs <n>] [--skip-starlight-to-pdf] [--renderer-only]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { loadHandoutIndex } from '../src/handouts/pages.ts';
import { serveStatic } from '../src/handouts/server.ts';
import { runPipelineAfterPages } from '../src/plugin/pipeline.ts';
import { BENCH_HELP, BenchUsageError, parseBenchArgs, type BenchOptions } from './bench/args.ts';
import { measureRenderMemory } from './bench/memory.ts';
import { RENDERER_SCENARIOS } from './bench/scenarios.ts';
import { benchSite, formatSiteBench } from './bench/site.ts';
import { alternatingSteps, median, perSecond, range, speedUps, type PairTiming } from './bench/stats.ts';
import { browserForStarlightToPdf, installedStarlightToPdf, runStarlightToPdf } from './bench/starlight-to-pdf.ts';
import { formatTable, rate, seconds } from './bench/table.ts';
import { parseCli } from './pdf/cli.ts';
import { runTool } from './project-tools.ts';

interface PdfRun {
  seconds: number;
  /** PDFs written. */
  files: number;
  /** Printed pages in the PDFs written. */
  pages: number;
}

/** One `npm run pdf`, in this process: how long it took and what it wrote (from its events). */
async function timedPdf(cliArgs: string[]): Promise<PdfRun> {
  const started = performance.now();
  let files = 0;
  let pages = 0;
  await runPipelineAfterPages(parseCli(cliArgs), {
    signal: new AbortController().signal,
    onEvent: (event) => {
      if (event.type !== 'written') return;
      files += 1;
      pages += event.entry.pages;
    },
  });
  return { seconds: (performance.now() - started) / 1000, files, pages };
}

const pdfPages = async (file: string): Promise<number> =>
  (await PDFDocument.load(await readFile(file), { updateMetadata: false })).getPageCount();

async function buildSite(work: string): Promise<string> {
  const site = join(work, 'site');
  console.log('Building the site...');
  const build = await runTool('astro', ['build'], {
    env: { NODE_ENV: 'production', GUIDE_OUT_DIR: site, GUIDE_CACHE_DIR: join(work, 'cache') },
  });
  if (build.code !== 0)
    throw new Error(`astro build exited with ${build.code}:\n${(build.stdout + build.stderr).slice(-2000)}`);
  return site;
}

/** The renderer scenarios, one table row each. */
async function benchScenarios(site: string): Promise<string[][]> {
  const index = await loadHandoutIndex(site);
  const rows: string[][] = [];
  for (const scenario of RENDERER_SCENARIOS) {
    const changed = scenario.change ? await scenario.change({ site, index }) : undefined;
    console.log(`  ${scenario.label}${changed ? ` (${changed})` : ''}...`);
    const run = await timedPdf(['--site', site, ...scenario.pdfArgs]);
    rows.push([
      scenario.label,
      seconds(run.seconds),
      String(run.files),
      rate(perSecond(run.files, run.seconds)),
      String(run.pages),
      rate(perSecond(run.pages, run.seconds)),
    ]);
  }
  return rows;
}

/** Our English Letter booklet and starlight-to-pdf's, alternating, `runs` times each. */
async function benchComparison(site: string, work: string, runs: number): Promise<string[]> {
  const tool = await installedStarlightToPdf();
  const browser = await browserForStarlightToPdf(work);
  const index = await loadHandoutIndex(site);
  const server = await serveStatic({ root: site, base: index.base });
  const ourOut = join(work, 'booklet');
  const timings: PairTiming[] = Array.from({ length: runs }, () => ({ ours: 0, theirs: 0 }));
  try {
    for (const step of alternatingSteps(runs)) {
      console.log(
        `  pair ${step.pair + 1}/${runs}: ${step.tool === 'ours' ? 'our booklet' : `starlight-to-pdf ${tool.version}`}...`,
      );
      const timing = timings[step.pair] as PairTiming;
      if (step.tool === 'ours') {
        // starlight-to-pdf follows the English edition's page order, so compare with the English booklet.
        const args = ['--site', site, '--booklet', '--paper', 'letter', '--lang', 'en', '--force', '--out', ourOut];
        timing.ours = (await timedPdf(args)).seconds;
      } else {
        timing.theirs = await runStarlightToPdf(tool, {
          url: server.url,
          browser,
          outDir: work,
          name: 'starlight-to-pdf',
        });
      }
    }
  } finally {
    await server.close();
  }
  const ourPages = await pdfPages(join(ourOut, 'booklet-letter.pdf'));
  const theirPages = await pdfPages(join(work, 'starlight-to-pdf.pdf'));
  const describe = (label: string, times: number[], pages: number): string[] => {
    const { min, max } = range(times);
    const middle = median(times);
    return [label, seconds(middle), `${min.toFixed(1)}-${max.toFixed(1)} s`, String(pages), rate(pages / middle)];
  };
  const speedUp = speedUps(timings);
  return [
    ...formatTable(
      ['booklet, English, Letter', 'median', 'range', 'pages', 'pages/s'],
      [
        describe(
          'ours',
          timings.map((t) => t.ours),
          ourPages,
        ),
        describe(
          `starlight-to-pdf ${tool.version}`,
          timings.map((t) => t.theirs),
          theirPages,
        ),
      ],
    ),
    '',
    `Speed-up per pair (theirs / ours, ${runs} pairs, alternating): median ${speedUp.median.toFixed(1)}x, range ${speedUp.min.toFixed(1)}-${speedUp.max.toFixed(1)}x`,
    `  pairs: ${speedUp.ratios.map((ratio) => `${ratio.toFixed(2)}x`).join(', ')}`,
  ];
}

async function bench(options: BenchOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'handout-bench-'));
  try {
    const site = options.site ?? (await buildSite(work));
    const index = await loadHandoutIndex(site);
    const load = loadavg()[0]?.toFixed(1);
    const heading = `Handout benchmark, ${new Date().toISOString().slice(0, 10)}: ${index.pages.length} pages, ${cpus().length} cores, load average ${load} at the start`;
    console.log(`${heading}\nRenderer:`);
    const scenarioRows = await benchScenarios(site);
    const lines = [heading, '', ...formatTable(['step', 'time', 'files', 'files/s', 'pages', 'pages/s'], scenarioRows)];
    if (!options.skipStarlightToPdf) {
      console.log('Booklet against starlight-to-pdf:');
      lines.push('', ...(await benchComparison(site, work, options.runs)));
    }
    console.log(`\n${lines.join('\n')}`);
    if (options.rendererOnly) return;
    // The site itself (Lighthouse, bytes per page, search index, first result): scripts/bench/site.ts.
    console.log(`\n${formatSiteBench(await benchSite(site), site).join('\n')}`);
    // Memory over 200 generated handouts, to show it stays flat: scripts/bench/memory.ts.
    console.log('');
    await measureRenderMemory(200);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    console.log(BENCH_HELP);
    return;
  }
  await bench(options);
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchUsageError ? `npm run bench: ${error.message}` : (error as Error).message);
  process.exitCode = error instanceof BenchUsageError ? 2 : 1;
});
