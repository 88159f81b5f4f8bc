/**
 * `npm run bench`: times the handout renderer on one built site and compares
 * its booklet with starlight-to-pdf, a community tool that prints a Starlight
 * site as one PDF. Nothing here is a test: it prints numbers for the README.
 *
 *   1. the full handout set, cold (--force)
 *   2. a rebuild with nothing changed
 *   3. a rebuild with one page's HTML changed
 *   4. our booklets alone (--booklet --force), against starlight-to-pdf run from
 *      the npm registry with npx and pointed at the same local server
 *
 * Usage: npm run bench -- [--site <built dir>] [--skip-starlight-to-pdf]
 * Without --site it builds the site into a temporary folder first.
 */
import { appendFile, chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { findBrowserCandidates, needsNoSandbox, systemLookup } from '../src/handouts/browser.ts';
import { parseCli } from './pdf/cli.ts';
import { loadHandoutIndex } from '../src/handouts/pages.ts';
import { runPipelineAfterPages } from '../src/plugin/pipeline.ts';
import { serveStatic } from '../src/handouts/server.ts';
import { runTool } from './project-tools.ts';
import { benchSite, formatSiteBench } from './bench/site.ts';
import { measureRenderMemory } from './bench/memory.ts';

/** The version compared against; pinned so the figures stay comparable. */
const STARLIGHT_TO_PDF = 'starlight-to-pdf@1.4.0';

interface Timed {
  seconds: number;
  output: string;
}

async function timedRun(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  const { code, stdout, stderr, seconds } = await runTool(command, args, { env });
  const output = stdout + stderr;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`);
  return { seconds, output };
}

/** One `npm run pdf`, in this process: how long it took and how many PDFs it rendered (from its events). */
async function timedPdf(cliArgs: string[]): Promise<{ seconds: number; rendered: number }> {
  const started = performance.now();
  let rendered = 0;
  await runPipelineAfterPages(parseCli(cliArgs), {
    signal: new AbortController().signal,
    onEvent: (event) => {
      if (event.type === 'written') rendered += 1;
    },
  });
  return { seconds: (performance.now() - started) / 1000, rendered };
}
const pdfPages = async (file: string): Promise<number> =>
  (await PDFDocument.load(await readFile(file), { updateMetadata: false })).getPageCount();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { site: { type: 'string' }, 'skip-starlight-to-pdf': { type: 'boolean' } },
    strict: true,
  });
  const work = await mkdtemp(join(tmpdir(), 'handout-bench-'));
  try {
    let site = values.site;
    if (!site) {
      site = join(work, 'site');
      console.log('Building the site...');
      await timedRun('astro', ['build'], { GUIDE_OUT_DIR: site, GUIDE_CACHE_DIR: join(work, 'cache') });
    }
    const index = await loadHandoutIndex(site);
    const pdf = (...args: string[]): Promise<{ seconds: number; rendered: number }> =>
      timedPdf(['--site', site, ...args]);

    const cold = await pdf('--force');
    const coldCount = cold.rendered;
    const unchanged = await pdf();
    const first = index.pages[0];
    if (!first) throw new Error('the site has no handout pages');
    await appendFile(join(site, first.path.slice(index.base.length), 'index.html'), `\n<!-- bench ${Date.now()} -->\n`);
    const onePage = await pdf();
    // starlight-to-pdf follows the English edition's page order, so compare with the English booklet.
    const booklet = await pdf(
      '--booklet',
      '--paper',
      'letter',
      '--lang',
      'en',
      '--force',
      '--out',
      join(work, 'booklet'),
    );
    const ourBookletPages = await pdfPages(join(work, 'booklet', 'booklet-letter.pdf'));

    const rows: Array<[string, string]> = [
      [
        `Full set, cold (${coldCount} PDFs)`,
        `${cold.seconds.toFixed(1)} s = ${(coldCount / cold.seconds).toFixed(1)} PDFs/s`,
      ],
      ['Rebuild, nothing changed', `${unchanged.seconds.toFixed(2)} s (rendered ${unchanged.rendered})`],
      ['Rebuild, one page changed', `${onePage.seconds.toFixed(1)} s (rendered ${onePage.rendered})`],
      [`Our booklet, English, letter (${ourBookletPages} pages)`, `${booklet.seconds.toFixed(1)} s`],
    ];

    if (!values['skip-starlight-to-pdf']) {
      const browser = (await findBrowserCandidates(systemLookup(undefined)))[0];
      if (!browser) throw new Error('no browser found for starlight-to-pdf (see npm run pdf -- --help)');
      // starlight-to-pdf has no option for Chromium flags; as root (CI, containers) the sandbox must be off.
      let executable = browser.executablePath;
      if (needsNoSandbox()) {
        executable = join(work, 'chromium-no-sandbox');
        await writeFile(executable, `#!/bin/sh\nexec '${browser.executablePath}' --no-sandbox "$@"\n`);
        await chmod(executable, 0o755);
      }
      const server = await serveStatic({ root: site, base: index.base });
      try {
        // Download and install once, untimed, so the timing compares rendering with rendering.
        const env = { PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_EXECUTABLE_PATH: executable };
        await timedRun('npx', ['-y', STARLIGHT_TO_PDF, '--help'], env);
        const theirs = await timedRun(
          'npx',
          [
            '-y',
            STARLIGHT_TO_PDF,
            server.url,
            '--browser-executable',
            executable,
            '-p',
            work,
            '-f',
            'starlight-to-pdf',
            '--format',
            'Letter',
            '--pdf-outline',
          ],
          env,
        );
        const theirPages = await pdfPages(join(work, 'starlight-to-pdf.pdf'));
        rows.push([`${STARLIGHT_TO_PDF}, letter (${theirPages} pages)`, `${theirs.seconds.toFixed(1)} s`]);
        rows.push(['Booklet speed-up over starlight-to-pdf', `${(theirs.seconds / booklet.seconds).toFixed(1)}x`]);
      } finally {
        await server.close();
      }
    }
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`\nHandout benchmark (${index.pages.length} pages, ${new Date().toISOString().slice(0, 10)})`);
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    // The site itself (Lighthouse, bytes per page, search index, first result): scripts/bench/site.ts.
    console.log(`\n${formatSiteBench(await benchSite(site), site).join('\n')}`);
    // Memory over 200 generated handouts, to show it stays flat: scripts/bench/memory.ts.
    console.log('');
    await measureRenderMemory(200);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
