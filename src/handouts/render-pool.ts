/**
 * Renders the jobs that need it, a few tabs at a time, into the staging folder.
 * Each attempt (one page's variants, one booklet or one packet) runs in a browser context
 * under one deadline (attemptBudget: `timeoutMs` per document it loads or prints): when it
 * passes or the attempt fails, the context and every tab in it are closed, so nothing the
 * page was waiting for (a load, a font, a fetch inside the booklet, a print) can outlast it.
 * A context whose attempt succeeded is handed to the next attempt with its print tab
 * (print-tabs.ts): its renderer is running and set up. Each unit
 * is tried twice at most; all must succeed or nothing is returned.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext } from 'puppeteer';
import type { BrowserSession } from './browser-session.ts';
import type { HandoutEventListener } from './events.ts';
import { writeFileAtomic } from './files.ts';
import type { ManifestEntry } from './manifest.ts';
import { singleHandoutFiles, type PageCounts } from './page-counts.ts';
import { isWaitingPrintTab } from './print-tabs.ts';
import type { HandoutJob, Job } from './plan.ts';
import { runPool } from './pool.ts';
import { produceBooklet, produceHandouts, producePacket, type ProduceContext, type Produced } from './produce.ts';
import { NoHandoutContentError } from './render.ts';
import { SheetOverflowError } from './sheet-fit.ts';

export interface KeyedJob {
  job: Job;
  key: string;
}

/** Raised when some PDFs failed; names each one. */
export class HandoutRunError extends Error {
  override name = 'HandoutRunError';
}

export interface RenderPoolOptions {
  concurrency: number;
  timeoutMs: number;
  signal: AbortSignal;
  onEvent: HandoutEventListener;
  session: BrowserSession;
  stagingDir: string;
  /** The single handouts' page counts, for the booklet and the packets to number their contents in one print. */
  pageCounts: PageCounts;
}

/**
 * One attempt's deadline: `timeoutMs` for each document it loads or prints. A page's unit
 * loads the page once and prints each variant; a booklet loads its first page, fetches
 * every handout page into it and prints at most three times (assembled.ts).
 */
export function attemptBudget(unit: KeyedJob[], timeoutMs: number): number {
  const [first] = unit;
  const steps =
    first?.job.type === 'booklet' || first?.job.type === 'packet' ? 1 + first.job.pages.length + 3 : 1 + unit.length;
  return steps * timeoutMs;
}

/**
 * Work for one tab: a booklet or a packet, or every variant of one page (see renderHandouts).
 * The pages come first: the booklet and the packets wait for their page counts, so each starts
 * only once every page has started, and no tab can sit waiting for work that is not running.
 * Booklets then packets, in the planned order: the longest last jobs first.
 */
export function workUnits(items: readonly KeyedJob[]): KeyedJob[][] {
  const units = new Map<string, KeyedJob[]>();
  for (const item of items) {
    const id = item.job.type === 'handout' ? `page:${item.job.page.slug}` : item.job.file;
    units.set(id, [...(units.get(id) ?? []), item]);
  }
  const all = [...units.values()];
  const isPage = (unit: KeyedJob[]): boolean => unit[0]?.job.type === 'handout';
  return [...all.filter(isPage), ...all.filter((unit) => !isPage(unit))];
}

function describe(job: Job): string {
  if (job.type === 'handout') return `${job.file} (${job.page.path})`;
  return `${job.file} (${job.type})`;
}

/** Browser contexts of attempts that succeeded, for later attempts on the same browser. */
class ContextShelf {
  readonly #idle: BrowserContext[] = [];

  /** A context of `browser`: one from the shelf, or a new one. */
  async take(browser: Browser): Promise<BrowserContext> {
    for (let context = this.#idle.pop(); context; context = this.#idle.pop()) {
      if (context.browser() === browser && browser.connected) return context;
      await context.close().catch(() => undefined);
    }
    return browser.createBrowserContext();
  }

  /** Shelves a context whose attempt succeeded, if no tab is left open but a print tab kept for the next document. */
  async give(context: BrowserContext): Promise<void> {
    const open = await context.pages().catch(() => undefined);
    if (open?.every(isWaitingPrintTab)) this.#idle.push(context);
    else await context.close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#idle.splice(0).map((context) => context.close().catch(() => undefined)));
  }
}

/**
 * Runs `work` in a browser context from `shelf`, failing as soon as the browser goes away or
 * `timeoutMs` passes. On failure the context (and so every tab of the attempt) is closed; on
 * success it goes back on the shelf.
 */
async function withinDeadline<T>(
  browser: Browser,
  timeoutMs: number,
  shelf: ContextShelf,
  work: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  let fail = (_error: Error): void => undefined;
  const stopped = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const onGone = (): void => fail(new Error('the browser stopped while printing'));
  browser.once('disconnected', onGone);
  if (!browser.connected) onGone();
  const timer = setTimeout(
    () =>
      fail(
        new Error(
          `it took longer than ${Math.round(timeoutMs / 1000)} s (--timeout for each document it loads or prints)`,
        ),
      ),
    timeoutMs,
  );
  let context: BrowserContext | undefined;
  const running = (async () => {
    context = await shelf.take(browser);
    return work(context);
  })();
  // Whichever loses the race still settles later (a closed tab rejects its calls): observed here, not left unhandled.
  running.catch(() => undefined);
  stopped.catch(() => undefined);
  let succeeded = false;
  try {
    const result = await Promise.race([running, stopped]);
    succeeded = true;
    return result;
  } finally {
    clearTimeout(timer);
    browser.off('disconnected', onGone);
    const used = context as BrowserContext | undefined;
    if (used && succeeded) await shelf.give(used);
    else await used?.close().catch(() => undefined);
  }
}

export async function renderAll(
  items: KeyedJob[],
  context: ProduceContext,
  options: RenderPoolOptions,
): Promise<ManifestEntry[]> {
  const { signal, onEvent } = options;
  const shelf = new ContextShelf();
  let done = 0;
  const attempt = async (unit: KeyedJob[], pageCounts: number[] | undefined): Promise<Produced[]> => {
    if (signal.aborted) throw new Error('interrupted');
    const browser = await options.session.get();
    const [first] = unit;
    return withinDeadline(browser, attemptBudget(unit, options.timeoutMs), shelf, async (tabs) =>
      first?.job.type === 'booklet'
        ? [await produceBooklet(tabs, first.job, first.key, context, pageCounts)]
        : first?.job.type === 'packet'
          ? [await producePacket(tabs, first.job, first.key, context, pageCounts)]
          : produceHandouts(
              tabs,
              unit.map(({ job, key }) => ({ job: job as HandoutJob, key })),
              context,
            ),
    );
  };
  // Stopped: units not yet started never will, so nobody may wait for them.
  const giveUp = (): void => options.pageCounts.giveUp();
  signal.addEventListener('abort', giveUp, { once: true });
  if (signal.aborted) giveUp();
  const printUnit = async (unit: KeyedJob[]): Promise<ManifestEntry[]> => {
    const [first] = unit;
    // A booklet or packet waits (before its deadline starts) for its handouts' page counts:
    // pages start first (workUnits), so this is at most for the pages still printing.
    const pageCounts =
      first?.job.type === 'handout' || first === undefined
        ? undefined
        : await options.pageCounts.of(singleHandoutFiles(first.job));
    const unitStarted = performance.now();
    let produced: Produced[];
    try {
      produced = await attempt(unit, pageCounts);
    } catch (firstError) {
      // A page with nothing to print will not get any by trying again, nor a sheet get shorter.
      if (signal.aborted || firstError instanceof NoHandoutContentError || firstError instanceof SheetOverflowError)
        throw firstError;
      onEvent({
        type: 'retrying',
        files: unit.map(({ job }) => job.file),
        reason: (firstError as Error).message.split('\n')[0] ?? '',
      });
      produced = await attempt(unit, pageCounts);
    }
    const blocked = [...new Set(produced.flatMap((result) => result.blockedRequests))];
    if (blocked.length > 0) onEvent({ type: 'blocked', file: unit[0]?.job.file ?? '', urls: blocked });
    const seconds = (performance.now() - unitStarted) / 1000 / produced.length;
    for (const { bytes, entry, prints } of produced) {
      await mkdir(dirname(join(options.stagingDir, entry.file)), { recursive: true });
      await writeFileAtomic(join(options.stagingDir, entry.file), bytes);
      options.pageCounts.settle(entry.file, entry.pages);
      done += 1;
      onEvent({ type: 'written', entry, done, total: items.length, seconds, prints });
    }
    return produced.map(({ entry }) => entry);
  };
  const units = workUnits(items);
  const results = await runPool(
    units,
    options.concurrency,
    // Written or failed, a unit is done: whoever waits for its page counts stops waiting (a
    // written file's count is already in; a failed one's never comes).
    (unit) =>
      printUnit(unit).finally(() => {
        for (const { job } of unit) options.pageCounts.settle(job.file, undefined);
      }),
    () => signal.aborted,
  ).finally(() => {
    signal.removeEventListener('abort', giveUp);
    return shelf.closeAll();
  });

  if (signal.aborted)
    throw new HandoutRunError(`Interrupted (${String(signal.reason)}); the previous handouts were left as they were.`);
  const failures = units
    .map((unit, i) => ({ unit, result: results[i] }))
    .filter(({ result }) => result?.status !== 'fulfilled');
  if (failures.length > 0) {
    const lines = failures.flatMap(({ unit, result }) => {
      const error = result?.status === 'rejected' ? (result.reason as Error) : undefined;
      const reason = error ? error.message.split('\n')[0] : 'not started';
      // A sheet too long is that sheet's failure; the page's other PDFs were only not made.
      const failed = error instanceof SheetOverflowError ? unit.filter(({ job }) => job.file === error.file) : unit;
      return failed.map(({ job }) => `  - ${describe(job)}: ${reason}`);
    });
    throw new HandoutRunError(
      `${lines.length} of ${items.length} PDFs failed; nothing was published:\n${lines.join('\n')}`,
    );
  }
  return results.flatMap((result) => (result as PromiseFulfilledResult<ManifestEntry[]>).value);
}
