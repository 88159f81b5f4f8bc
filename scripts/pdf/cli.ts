/** Command-line options of `npm run pdf`, parsed strictly: unknown flags and values are errors. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { PAPER_SIZES, type PaperSize } from '../../src/lib/handout-files.ts';
import type { HandoutOptions } from '../../src/handouts/options.ts';
import { UsageError } from '../../src/handouts/pages.ts';

/** The command line's options: the library's own (options.ts), plus --help. */
export interface CliOptions extends HandoutOptions {
  help: boolean;
}

export const HELP = `Render the built guide's pages into printable PDF handouts.

Usage: npm run pdf -- [options]

What to make (default: all five, on the clinic's paper):
  --sheets            One-sheet summaries (at most 2 pages, one sheet printed on both sides):
                      handouts/one-sheet/<paper>/<page>.pdf. A sheet longer than 2 pages fails the
                      run, naming the page, the paper and by how much
  --large-print       Large-print handouts (body text 18 pt): handouts/large-print/<paper>/<page>.pdf
  --booklet           The booklet, every handout in one PDF with a cover and contents:
                      handouts/booklet-<paper>.pdf (always contains every page)
  --packets           The visit packets of clinic.config.ts \`packets\`, each with a write-in cover:
                      handouts/packets/<paper>/<id>.pdf and packets/large-print/<paper>/<id>.pdf
                      (with --large-print too: only the large-print packets)
  Standard handouts (12 pt), handouts/<paper>/<page>.pdf, are made when none of these is given.
  Giving one or more of them makes only what they name.
  --no-sheets         Everything else, but no one-sheet summaries (the last run's stay published)

Options:
  --only <slug>       Print only this page (repeat for more). Default: every handout page.
  --paper <size>      letter, a4 or both (also: all). Default: clinic.config.ts \`paperSize\`.
                      PDFs on any other paper are removed from the published set
  --lang <code>       Print only this edition, e.g. en or es (repeat for more). Default: all
  --site <dir>        Built site to print from. Default: dist
  --out <dir>         Where to write the PDFs. Default: <site>/handouts
  --force             Render again even where the page and options are unchanged since the last run
  --concurrency <n>   Pages rendered at once. Default: number of CPU cores (at least 2)
  --browser <path>    Chrome or Chromium to use (see README, "Which browser is used")
  --timeout <sec>     Seconds each page load or print may take (an attempt at a page or the booklet
                      gets this for each document it loads or prints), or the browser to start,
                      before it is tried again. Default: 30
  -h, --help          Show this help

Unchanged handouts (same pages, renderer, browser and options) are kept from the last run.
Afterwards the Handouts pages, the search index and the service worker are brought up to date
with the PDFs. "npm run build" does all of this already; run this to print again after it.`;

const OPTION_SPEC = {
  only: { type: 'string', multiple: true },
  paper: { type: 'string' },
  lang: { type: 'string', multiple: true },
  sheets: { type: 'boolean' },
  'no-sheets': { type: 'boolean' },
  'large-print': { type: 'boolean' },
  booklet: { type: 'boolean' },
  packets: { type: 'boolean' },
  site: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  concurrency: { type: 'string' },
  browser: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError(`${flag} must be a whole number of 1 or more, not "${value}".`);
  }
  return number;
}

function paperSizes(value: string | undefined, clinicPapers: readonly PaperSize[]): PaperSize[] {
  if (value === undefined) return [...clinicPapers];
  if (value === 'all' || value === 'both') return [...PAPER_SIZES];
  const paper = PAPER_SIZES.find((size) => size === value.toLowerCase());
  if (!paper)
    throw new UsageError(`--paper must be one of: ${[...PAPER_SIZES, 'both', 'all'].join(', ')}; not "${value}".`);
  return [paper];
}

/** `clinicPapers`: what clinic.config.ts `paperSize` prints on, the default for --paper. */
export function parseCli(argv: string[], clinicPapers: readonly PaperSize[] = PAPER_SIZES): CliOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC; strict: true; allowPositionals: false }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTION_SPEC, strict: true, allowPositionals: false });
  } catch (error) {
    const valid = Object.keys(OPTION_SPEC)
      .map((name) => `--${name}`)
      .join(', ');
    throw new UsageError(
      `${(error as Error).message}\nValid options: ${valid}. Run "npm run pdf -- --help" for details.`,
    );
  }
  const { values } = parsed;
  const site = values.site ?? 'dist';
  const sheets = values.sheets ?? false;
  const noSheets = values['no-sheets'] ?? false;
  if (sheets && noSheets) throw new UsageError('--sheets and --no-sheets contradict each other: give one of them.');
  const largePrint = values['large-print'] ?? false;
  const booklet = values.booklet ?? false;
  const packets = values.packets ?? false;
  const everything = !sheets && !largePrint && !booklet && !packets;
  return {
    site,
    out: values.out ?? `${site}/handouts`,
    only: values.only ?? [],
    languages: values.lang ?? [],
    papers: paperSizes(values.paper, clinicPapers),
    sheets: (everything || sheets) && !noSheets,
    standard: everything,
    largePrint: everything || largePrint,
    booklet: everything || booklet,
    packets: everything || packets,
    force: values.force ?? false,
    concurrency: positiveInteger(values.concurrency, '--concurrency', Math.max(2, availableParallelism())),
    browser: values.browser,
    timeoutMs: positiveInteger(values.timeout, '--timeout', 30) * 1000,
    help: values.help ?? false,
  };
}
