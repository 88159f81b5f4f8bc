/**
 * Watching the processes a test starts: `npm run pdf` as a child, and the
 * Chromium it launches. A child that exits leaves its orphans to init, so
 * "descendant of the child" only works while it runs; every process also
 * inherits a marker in its environment, which still finds orphans afterwards.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnTool } from '../../scripts/project-tools.ts';
import { pollUntil } from './wait.ts';

export const MARKER_VARIABLE = 'GUIDE_TEST_PROCESS_MARKER';

interface ProcessRow {
  pid: number;
  ppid: number;
  args: string;
}

export function processTable(): ProcessRow[] {
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] ?? '' }));
}

/** Every process whose parent chain leads to `root`. */
export function descendantsOf(root: number, table = processTable()): ProcessRow[] {
  const found: ProcessRow[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const parent = stack.pop();
    for (const row of table) {
      if (row.ppid === parent) {
        found.push(row);
        stack.push(row.pid);
      }
    }
  }
  return found;
}

/** Chromium processes among `rows` (the browser and its zygote, GPU, renderer... processes). */
export function chromiumProcesses(rows: ProcessRow[]): ProcessRow[] {
  return rows.filter((row) => /chrom|headless_shell/i.test(row.args.split(' ')[0] ?? ''));
}

/** Processes still alive that carry `marker` in their environment (Linux /proc). */
export function processesWithMarker(marker: string): number[] {
  const needle = `${MARKER_VARIABLE}=${marker}`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (environ.split('\0').includes(needle)) found.push(Number(entry));
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return found;
}

export interface WatchedRun {
  child: ChildProcess;
  marker: string;
  /** Output so far. */
  output: () => string;
  /** Resolves when `pattern` appears in the output (rejects if the child exits first). */
  waitFor: (pattern: RegExp) => Promise<void>;
  /** Resolves with the exit code (or the signal's name) once the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Chromium processes started by the child, seen at any time while it ran. */
  chromiumSeen: Set<number>;
  /** The most Chromium renderer processes seen at once. */
  maxRenderers: () => number;
}

/**
 * Runs `node scripts/pdf.ts ...args` from the project, with the project's Node,
 * a marker in its environment, and a watch on the Chromium processes it starts.
 */
export function runPdfWatched(args: string[], env: NodeJS.ProcessEnv = {}): WatchedRun {
  return runWatched('scripts/pdf.ts', args, env);
}

/** Runs `node <script> ...args` from the project, watched the same way as runPdfWatched. */
export function runWatched(script: string, args: string[], env: NodeJS.ProcessEnv = {}): WatchedRun {
  const marker = randomUUID();
  const child = spawnTool('node', [script, ...args], { env: { [MARKER_VARIABLE]: marker, ...env } });
  let output = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void; reject: (error: Error) => void }> = [];
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(output)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const chromiumSeen = new Set<number>();
  let maxRenderers = 0;
  const watch = setInterval(() => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const chromium = chromiumProcesses(descendantsOf(child.pid));
    for (const row of chromium) chromiumSeen.add(row.pid);
    maxRenderers = Math.max(maxRenderers, chromium.filter((row) => row.args.includes('--type=renderer')).length);
  }, 100);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(watch);
      for (const waiter of waiters.splice(0))
        waiter.reject(new Error(`the run ended before printing ${waiter.pattern}:\n${output}`));
      resolve({ code, signal });
    });
  });

  return {
    child,
    marker,
    output: () => output,
    waitFor: (pattern) =>
      pattern.test(output)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ pattern, resolve, reject });
          }),
    exited,
    chromiumSeen,
    maxRenderers: () => maxRenderers,
  };
}

/** Waits until no process carries `marker` (Chromium may take a moment to exit), or returns those left. */
export async function leftoverProcesses(marker: string, waitMs = 10_000): Promise<string[]> {
  const gone = await pollUntil(() => (processesWithMarker(marker).length === 0 ? true : undefined), waitMs);
  if (gone) return [];
  const table = processTable();
  return processesWithMarker(marker).map(
    (pid) => table.find((row) => row.pid === pid)?.args.slice(0, 120) ?? String(pid),
  );
}
