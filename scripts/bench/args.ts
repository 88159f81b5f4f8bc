/** Command-line options of `npm run bench`, parsed strictly: an unknown flag or a bad value is an error that says what to do. */
import { parseArgs } from 'node:util';

export const BENCH_HELP = `Time the handout renderer and compare its booklet with starlight-to-pdf.

Usage: npm run bench -- [options]

Options:
  --site <dir>              A built site to time (default: build one into a temporary folder first).
                            It is changed: its handouts are printed again and one page's HTML is touched
  --runs <n>                Pairs in the comparison: ours, theirs, ours, theirs... n times each. Default: 5
  --skip-starlight-to-pdf   Leave out the comparison with starlight-to-pdf
  --renderer-only           Leave out the site numbers (Lighthouse, bytes, search) and the memory run
  -h, --help                Show this help`;

export interface BenchOptions {
  site: string | undefined;
  runs: number;
  skipStarlightToPdf: boolean;
  rendererOnly: boolean;
  help: boolean;
}

export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

const OPTION_SPEC = {
  site: { type: 'string' },
  runs: { type: 'string' },
  'skip-starlight-to-pdf': { type: 'boolean' },
  'renderer-only': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DEFAULT_RUNS = 5;

/** Parses `npm run bench`'s arguments (without node and the script). */
export function parseBenchArgs(argv: string[]): BenchOptions {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: OPTION_SPEC, strict: true, allowPositionals: false }));
  } catch (error) {
    const valid = Object.keys(OPTION_SPEC)
      .map((name) => `--${name}`)
      .join(', ');
    throw new BenchUsageError(
      `${(error as Error).message}\nValid options: ${valid}. Run "npm run bench -- --help" for details.`,
    );
  }
  return {
    site: values.site,
    runs: runsOf(values.runs),
    skipStarlightToPdf: values['skip-starlight-to-pdf'] ?? false,
    rendererOnly: values['renderer-only'] ?? false,
    help: values.help ?? false,
  };
}

function runsOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RUNS;
  const runs = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(runs) || runs < 1) {
    throw new BenchUsageError(`--runs must be a whole number of 1 or more (e.g. --runs 5), not "${value}".`);
  }
  return runs;
}
