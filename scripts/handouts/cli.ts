/** Command-line options of `npm run pdf`, parsed strictly: unknown flags are errors. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from './pages.ts';

export interface CliOptions {
  /** Built site to print from. */
  site: string;
  /** Where the PDFs go; defaults to <site>/handouts. */
  out: string;
  /** Slugs to print; empty means every handout page. */
  only: string[];
  concurrency: number;
  browser: string | undefined;
  timeoutMs: number;
  help: boolean;
}

export const HELP = `Render the built guide's pages into printable PDF handouts.

Usage: npm run pdf -- [options]

Options:
  --only <slug>       Print only this page (repeat for more). Default: every handout page.
  --site <dir>        Built site to print from. Default: dist
  --out <dir>         Where to write the PDFs. Default: <site>/handouts
  --concurrency <n>   Pages rendered at once. Default: number of CPU cores (at least 2)
  --browser <path>    Chrome or Chromium to use (see README, "Which browser is used")
  --timeout <sec>     Seconds to wait for one page before retrying it. Default: 30
  -h, --help          Show this help

Run "npm run build:site" first; "npm run build" does both.`;

const OPTION_SPEC = {
  only: { type: 'string', multiple: true },
  site: { type: 'string' },
  out: { type: 'string' },
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

export function parseCli(argv: string[]): CliOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC; strict: true; allowPositionals: false }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTION_SPEC, strict: true, allowPositionals: false });
  } catch (error) {
    const valid = Object.keys(OPTION_SPEC).map((name) => `--${name}`).join(', ');
    throw new UsageError(`${(error as Error).message}\nValid options: ${valid}. Run "npm run pdf -- --help" for details.`);
  }
  const { values } = parsed;
  const site = values.site ?? 'dist';
  return {
    site,
    out: values.out ?? `${site}/handouts`,
    only: values.only ?? [],
    concurrency: positiveInteger(values.concurrency, '--concurrency', Math.max(2, availableParallelism())),
    browser: values.browser,
    timeoutMs: positiveInteger(values.timeout, '--timeout', 30) * 1000,
    help: values.help ?? false,
  };
}
