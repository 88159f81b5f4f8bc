/**
 * Memory of a long handout run: renders a generated site of many small pages
 * (scripts/bench/fixture-site.ts) in this process and samples, twice a second,
 * Node's own memory and the resident memory of every Chromium process it
 * started. Memory is "flat" when the second half of the run uses no more than
 * the first half plus a margin: tabs are closed after each page and at most
 * --concurrency are open, so nothing should pile up.
 *
 *   node scripts/bench/memory.ts [pages]      (default 200)
 *
 * Chromium's figure adds up the RSS of all its processes, which counts shared
 * memory more than once: it is an upper bound, good for spotting growth.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultHandoutOptions, type HandoutOptions } from '../../src/handouts/options.ts';
import { runHandouts } from '../../src/handouts/run.ts';
import { writeFixtureSite } from './fixture-site.ts';

const run = promisify(execFile);

/** Node's garbage collector, so the live heap (what is really kept) can be measured, not garbage waiting. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface MemorySample {
  /** Seconds since the start of the run. */
  at: number;
  /** PDFs finished so far. */
  done: number;
  nodeRss: number;
  /** Heap still in use right after a full garbage collection. */
  nodeHeap: number;
  /** Sum of the RSS of every process descended from this one (the browser). */
  browserRss: number;
}

export interface MemoryReport {
  pages: number;
  seconds: number;
  samples: MemorySample[];
  peakNodeRss: number;
  peakNodeHeap: number;
  peakBrowserRss: number;
  /** Highest value in the first and the second half of the run (by PDFs done). */
  firstHalfPeak: { node: number; heap: number; browser: number };
  secondHalfPeak: { node: number; heap: number; browser: number };
}

/** RSS in bytes of every process descended from `root` (Linux and macOS `ps`). */
export async function descendantRss(root: number): Promise<number> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,rss=']);
  const rows = stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((row): row is [number, number, number] => row.length === 3 && row.every(Number.isFinite));
  const children = new Map<number, Array<[number, number]>>();
  for (const [pid, ppid, rss] of rows) children.set(ppid, [...(children.get(ppid) ?? []), [pid, rss]]);
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    for (const [pid, rss] of children.get(stack.pop() as number) ?? []) {
      total += rss * 1024;
      stack.push(pid);
    }
  }
  return total;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function measureRenderMemory(
  pages = 200,
  log: (line: string) => void = console.log,
): Promise<MemoryReport> {
  const dir = await mkdtemp(join(tmpdir(), 'guide-bench-memory-'));
  try {
    const site = join(dir, 'site');
    await writeFixtureSite(site, { pages });
    // One PDF per page (large print, one paper size): 200 PDFs for 200 pages.
    const options: HandoutOptions = {
      ...defaultHandoutOptions(site),
      sheets: false,
      standard: false,
      booklet: false,
      papers: ['letter'],
      force: true,
      concurrency: 2,
    };
    const samples: MemorySample[] = [];
    let done = 0;
    const started = performance.now();
    const gc = collector();
    const sample = async (): Promise<void> => {
      gc();
      const memory = process.memoryUsage();
      samples.push({
        at: (performance.now() - started) / 1000,
        done,
        nodeRss: memory.rss,
        nodeHeap: memory.heapUsed,
        browserRss: await descendantRss(process.pid),
      });
    };
    let sampling = Promise.resolve();
    const timer = setInterval(() => {
      sampling = sampling.then(sample, () => undefined);
    }, 500);
    try {
      await runHandouts(options, {
        signal: new AbortController().signal,
        onEvent: (event) => {
          if (event.type === 'written') done = event.done;
        },
      });
    } finally {
      clearInterval(timer);
      await sampling;
    }
    const seconds = (performance.now() - started) / 1000;
    const half = (from: number, to: number): { node: number; heap: number; browser: number } => {
      const part = samples.filter((s) => s.done >= from && s.done < to);
      const peak = (values: number[]): number => Math.max(0, ...values);
      return {
        node: peak(part.map((s) => s.nodeRss)),
        heap: peak(part.map((s) => s.nodeHeap)),
        browser: peak(part.map((s) => s.browserRss)),
      };
    };
    const report: MemoryReport = {
      pages,
      seconds,
      samples,
      peakNodeRss: Math.max(0, ...samples.map((s) => s.nodeRss)),
      peakNodeHeap: Math.max(0, ...samples.map((s) => s.nodeHeap)),
      peakBrowserRss: Math.max(0, ...samples.map((s) => s.browserRss)),
      firstHalfPeak: half(1, pages / 2),
      secondHalfPeak: half(pages / 2, pages + 1),
    };
    log(`Memory over ${pages} generated handouts (${seconds.toFixed(1)} s, ${samples.length} samples):`);
    log(
      `  Node:     peak RSS ${mb(report.peakNodeRss)} (1st half ${mb(report.firstHalfPeak.node)}, 2nd half ${mb(report.secondHalfPeak.node)})`,
    );
    log(
      `            live heap after GC: peak ${mb(report.peakNodeHeap)} (1st half ${mb(report.firstHalfPeak.heap)}, 2nd half ${mb(report.secondHalfPeak.heap)})`,
    );
    log(
      `  Chromium: peak RSS ${mb(report.peakBrowserRss)} (all processes); 1st half ${mb(report.firstHalfPeak.browser)}, 2nd half ${mb(report.secondHalfPeak.browser)}`,
    );
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const pages = Number(process.argv[2] ?? 200);
  await measureRenderMemory(Number.isInteger(pages) && pages > 0 ? pages : 200);
}
