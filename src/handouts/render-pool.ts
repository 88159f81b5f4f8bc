/**
 * Renders the jobs that need it, a few tabs at a time, into the staging folder.
 * Each attempt (one page's variants, one booklet or one packet) runs in a browser context
 * of its own under one deadline (attemptBudget: `timeoutMs` per document it
 * loads or prints): when it passes, the context and every tab in it are closed,
 * so nothing the page was waiting for (a load, a font, a fetch inside the
 * booklet, a print) can outlast it. Each unit is tried
 * twice at most; all must succeed or nothing is returned.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext } from 'puppeteer';
import type { BrowserSession } from './browser-session.ts';
import type { HandoutEventListener } from './events.ts';
import { writeFileAtomic } from './files.ts';
import type { ManifestEntry } from './manifest.ts';
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
}

/**
 * One attempt's deadline: `timeoutMs` for each document it loads or prints. A page's unit
 * loads the page once and prints each variant; a booklet loads its first page, fetches
 * every handout page into it and prints twice.
 */
export function attemptBudget(unit: KeyedJob[], timeoutMs: number): number {
  const [first] = unit;
  const steps =
    first?.job.type === 'booklet' || first?.job.type === 'packet' ? 1 + first.job.pages.length + 2 : 1 + unit.length;
  return steps * timeoutMs;
}

/** Work for one tab: a booklet, or every variant of one page (see renderHandouts). */
function workUnits(items: KeyedJob[]): KeyedJob[][] {
  const units = new Map<string, KeyedJob[]>();
  for (const item of items) {
    const id = item.job.type === 'handout' ? `page:${item.job.page.slug}` : item.job.file;
    units.set(id, [...(units.get(id) ?? []), item]);
  }
  return [...units.values()];
}

function describe(job: Job): string {
  if (job.type === 'handout') return `${job.file} (${job.page.path})`;
  return `${job.file} (${job.type})`;
}

/**
 * Runs `work` in a fresh browser context, failing as soon as the browser goes away or
 * `timeoutMs` passes; the context (and so every tab of the attempt) is always closed.
 */
async function withinDeadline<T>(
  browser: Browser,
  timeoutMs: number,
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
    context = await browser.createBrowserContext();
    return work(context);
  })();
  // Whichever loses the race still settles later (a closed tab rejects its calls): observed here, not left unhandled.
  running.catch(() => undefined);
  stopped.catch(() => undefined);
  try {
    return await Promise.race([running, stopped]);
  } finally {
    clearTimeout(timer);
    browser.off('disconnected', onGone);
    await (context as BrowserContext | undefined)?.close().catch(() => undefined);
  }
}

export async function renderAll(
  items: KeyedJob[],
  context: ProduceContext,
  options: RenderPoolOptions,
): Promise<ManifestEntry[]> {
  const { signal, onEvent } = options;
  let done = 0;
  const attempt = async (unit: KeyedJob[]): Promise<Produced[]> => {
    if (signal.aborted) throw new Error('interrupted');
    const browser = await options.session.get();
    const [first] = unit;
    return withinDeadline(browser, attemptBudget(unit, options.timeoutMs), async (tabs) =>
      first?.job.type === 'booklet'
        ? [await produceBooklet(tabs, first.job, first.key, context)]
        : first?.job.type === 'packet'
          ? [await producePacket(tabs, first.job, first.key, context)]
          : produceHandouts(
              tabs,
              unit.map(({ job, key }) => ({ job: job as HandoutJob, key })),
              context,
            ),
    );
  };
  const units = workUnits(items);
  const results = await runPool(
    units,
    options.concurrency,
    async (unit): Promise<ManifestEntry[]> => {
      const unitStarted = performance.now();
      let produced: Produced[];
      try {
        produced = await attempt(unit);
      } catch (firstError) {
        // A page with nothing to print will not get any by trying again, nor a sheet get shorter.
        if (signal.aborted || firstError instanceof NoHandoutContentError || firstError instanceof SheetOverflowError)
          throw firstError;
        onEvent({
          type: 'retrying',
          files: unit.map(({ job }) => job.file),
          reason: (firstError as Error).message.split('\n')[0] ?? '',
        });
        produced = await attempt(unit);
      }
      const blocked = [...new Set(produced.flatMap((result) => result.blockedRequests))];
      if (blocked.length > 0) onEvent({ type: 'blocked', file: unit[0]?.job.file ?? '', urls: blocked });
      const seconds = (performance.now() - unitStarted) / 1000 / produced.length;
      for (const { bytes, entry } of produced) {
        await mkdir(dirname(join(options.stagingDir, entry.file)), { recursive: true });
        await writeFileAtomic(join(options.stagingDir, entry.file), bytes);
        done += 1;
        onEvent({ type: 'written', entry, done, total: items.length, seconds });
      }
      return produced.map(({ entry }) => entry);
    },
    () => signal.aborted,
  );

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
