/**
 * One handout run: plan the PDFs, keep those whose inputs did not change,
 * serve the built site and start one browser for the rest, render a few at a
 * time, and publish the whole set or nothing.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer';
import { clinic } from '../../clinic.config.ts';
import { bookletSlug, HANDOUTS_DIR, PAPER_SIZES } from '../../src/lib/handout-files.ts';
import { launchBrowser, type BrowserCandidate } from './browser.ts';
import { jobKey, pageHashes, rendererFingerprint, reusableEntry } from './cache.ts';
import type { CliOptions } from './cli.ts';
import { writeFileAtomic } from './files.ts';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';
import { writeHandoutTable } from './listing.ts';
import { MANIFEST_FILE, readManifest, serializeManifest, type ManifestEntry } from './manifest.ts';
import { loadHandoutIndex, type HandoutPage } from './pages.ts';
import { planJobs, type HandoutJob, type Job } from './plan.ts';
import { runPool } from './pool.ts';
import { produceBooklet, produceHandouts, type ProduceContext, type Produced } from './produce.ts';
import { createStaging } from './publish.ts';
import { labelsFor, NoHandoutContentError } from './render.ts';
import { serveStatic } from './server.ts';
import { loadRunningTextAssets } from './templates.ts';

export { selectPages } from './plan.ts';

/** Relative paths in clinic.config.ts (the logo) are relative to the project, like the site build reads them. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunSummary {
  /** PDFs rendered in this run. */
  written: ManifestEntry[];
  /** PDFs kept from the last run because nothing they are made from changed. */
  kept: ManifestEntry[];
  seconds: number;
  /** The browser used, or undefined when nothing needed rendering. */
  browser: BrowserCandidate | undefined;
}

/** Browser crashes one run recovers from before it gives up. */
const MAX_RELAUNCHES = 3;

/** Raised when some PDFs failed; names each one. */
export class HandoutRunError extends Error {
  override name = 'HandoutRunError';
}

interface KeyedJob {
  job: Job;
  key: string;
}

/** How long a browser gets to close before it is killed. */
const BROWSER_CLOSE_MS = 5000;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Manifest order: booklets, then standard, then large print; by paper; by reading order. */
function manifestOrder(pages: HandoutPage[]): (a: ManifestEntry, b: ManifestEntry) => number {
  const kinds = ['booklet', 'standard', 'large-print'];
  const languages = [...new Set(pages.map((page) => page.lang))];
  const slugs = [...languages.map(bookletSlug), ...pages.map((page) => page.slug)];
  return (a, b) =>
    kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
    PAPER_SIZES.indexOf(a.paper) - PAPER_SIZES.indexOf(b.paper) ||
    slugs.indexOf(a.slug) - slugs.indexOf(b.slug);
}

async function copyInto(fromDir: string, toDir: string, file: string): Promise<boolean> {
  await mkdir(dirname(join(toDir, file)), { recursive: true });
  return copyFile(join(fromDir, file), join(toDir, file)).then(
    () => true,
    () => false,
  );
}

export async function runHandouts(options: CliOptions, signal: AbortSignal, log: (line: string) => void = console.log): Promise<RunSummary> {
  const started = performance.now();
  const index = await loadHandoutIndex(options.site);
  const jobs = planJobs(index.pages, options);
  const previous = await readManifest(options.out);
  const assets = await loadRunningTextAssets(resolve(PROJECT_ROOT, clinic.logo));
  const fingerprint = await rendererFingerprint(clinic, assets.logoDataUrl);
  const hashes = await pageHashes(options.site, index.base, index.pages.map((page) => page.path));
  const keyed: KeyedJob[] = jobs.map((job) => ({ job, key: jobKey(job, fingerprint, hashes) }));

  const staging = await createStaging(options.out);
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  // Closing never hangs and never leaves Chromium behind: a browser that does not close
  // within a few seconds (or has crashed) is killed.
  const closeBrowser = async (): Promise<void> => {
    const open = browser;
    browser = undefined;
    if (!open) return;
    const kill = (): void => void open.process()?.kill('SIGKILL');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolveDeadline) => {
      timer = setTimeout(() => resolveDeadline(kill()), BROWSER_CLOSE_MS);
    });
    await Promise.race([open.close().catch(kill), deadline]);
    clearTimeout(timer);
  };
  // After a crash, every tab that was open asks for a new browser at once: start one, not one each.
  // A browser that keeps crashing will not get better: after a few tries, every page fails at once.
  let relaunching: Promise<Browser> | undefined;
  let relaunches = 0;
  const relaunch = (): Promise<Browser> =>
    (relaunching ??= (async () => {
      await closeBrowser();
      if (signal.aborted) throw new Error('interrupted');
      if (relaunches >= MAX_RELAUNCHES) {
        throw new Error(`the browser stopped ${relaunches + 1} times during this run; check the machine's memory and the browser (see README, "When printing the handouts goes wrong")`);
      }
      relaunches += 1;
      log('  the browser stopped; starting a new one');
      const fresh = (await launchBrowser(options.browser, options.timeoutMs, { onlyOrigin: server?.origin })).browser;
      if (signal.aborted) {
        await fresh.close().catch(() => fresh.process()?.kill('SIGKILL'));
        throw new Error('interrupted');
      }
      browser = fresh;
      return fresh;
    })().finally(() => {
      relaunching = undefined;
    }));
  const onAbort = (): void => void closeBrowser();
  signal.addEventListener('abort', onAbort);

  try {
    const kept: ManifestEntry[] = [];
    const toRender: KeyedJob[] = [];
    for (const item of keyed) {
      const reusable = options.force ? undefined : await reusableEntry(previous.handouts, options.out, item.job.file, item.key);
      if (reusable && (await copyInto(options.out, staging.dir, reusable.file))) kept.push(reusable);
      else toRender.push(item);
    }
    if (kept.length > 0) log(`Kept ${plural(kept.length, 'unchanged PDF')} from the last run (--force renders them again)`);

    let written: ManifestEntry[] = [];
    let candidate: BrowserCandidate | undefined;
    if (toRender.length > 0) {
      server = await serveStatic({ root: options.site, base: index.base });
      const launched = await launchBrowser(options.browser, options.timeoutMs, { onlyOrigin: server.origin });
      browser = launched.browser;
      candidate = launched.candidate;
      log(`Rendering ${plural(toRender.length, 'PDF')} with ${candidate.executablePath} (${candidate.source}), ${options.concurrency} at a time`);
      const context: ProduceContext = {
        origin: server.origin,
        clinicName: clinic.name,
        assets,
        labels: index.labels,
        timeoutMs: options.timeoutMs,
        siteUrl: index.site || clinic.siteUrl,
        base: index.base,
      };
      written = await renderAll(toRender, context, options, signal, log, async () => (browser?.connected ? browser : relaunch()), staging.dir);
    }

    // Outputs this run did not ask for (another paper size, pages outside --only) keep their last good files.
    const planned = new Set(jobs.map((job) => job.file));
    const current = new Set([...index.pages.map((page) => bookletSlug(page.lang)), ...index.pages.map((page) => page.slug)]);
    const carried: ManifestEntry[] = [];
    for (const entry of previous.handouts) {
      if (planned.has(entry.file) || !current.has(entry.slug)) continue;
      if (await copyInto(options.out, staging.dir, entry.file)) carried.push(entry);
    }
    const entries = [...written, ...kept, ...carried].sort(manifestOrder(index.pages));
    await writeFileAtomic(join(staging.dir, MANIFEST_FILE), serializeManifest({ handouts: entries }));
    await staging.publish();

    if (resolve(options.out) === resolve(options.site, HANDOUTS_DIR)) {
      // Each edition's Handouts page lists that edition's PDFs ("es/printable-handouts/" lists the es- files).
      const languageOf = new Map<string, string>();
      for (const page of index.pages) {
        languageOf.set(page.slug, page.lang);
        languageOf.set(bookletSlug(page.lang), page.lang);
      }
      for (const lang of new Set(index.pages.map((page) => page.lang))) {
        const mine = entries.filter((entry) => languageOf.get(entry.slug) === lang);
        const listed = await writeHandoutTable(options.site, index.base, mine, labelsFor(index, lang).table, lang === 'en' ? '' : `${lang}/`);
        if (!listed) log(`  note: the ${lang} edition has no Handouts page to list its PDFs on (src/content/docs/${lang === 'en' ? '' : `${lang}/`}printable-handouts.mdx)`);
      }
      // The Handouts pages changed after the build, so the offline copy's revisions must follow,
      // or a patient's phone would keep showing the old table. Nothing rendered: nothing changed.
      if (written.length > 0) await writeServiceWorker(options.site);
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = written.length > 0 ? `, ${(written.length / seconds).toFixed(1)} PDFs per second` : '';
    log(`Done: rendered ${plural(written.length, 'PDF')}, kept ${kept.length} unchanged, in ${seconds.toFixed(1)} s${rate} -> ${options.out}`);
    return { written, kept, seconds, browser: candidate };
  } finally {
    signal.removeEventListener('abort', onAbort);
    await closeBrowser();
    await server?.close();
    await staging.discard();
  }
}

/** Work for one tab: a booklet, or every variant of one page (see renderHandouts). */
function workUnits(items: KeyedJob[]): KeyedJob[][] {
  const units = new Map<string, KeyedJob[]>();
  for (const item of items) {
    const id = item.job.type === 'booklet' ? item.job.file : `page:${item.job.page.slug}`;
    units.set(id, [...(units.get(id) ?? []), item]);
  }
  return [...units.values()];
}

function describe(job: Job): string {
  return job.type === 'booklet' ? `${job.file} (booklet)` : `${job.file} (${job.page.path})`;
}

/** Renders the jobs a few tabs at a time, retrying each unit once; all must succeed or nothing is returned. */
/**
 * Runs `work`, but fails as soon as the browser goes away. Some of Puppeteer's waits
 * (a new tab's target, a navigation) otherwise sit out their whole timeout after a crash.
 */
async function whileConnected<T>(browser: Browser, work: () => Promise<T>): Promise<T> {
  let onGone = (): void => undefined;
  const gone = new Promise<never>((_, reject) => {
    onGone = () => reject(new Error('the browser stopped while printing'));
    browser.once('disconnected', onGone);
    if (!browser.connected) onGone();
  });
  try {
    return await Promise.race([work(), gone]);
  } finally {
    browser.off('disconnected', onGone);
  }
}

async function renderAll(
  items: KeyedJob[],
  context: ProduceContext,
  options: CliOptions,
  signal: AbortSignal,
  log: (line: string) => void,
  getBrowser: () => Promise<Browser>,
  stagingDir: string,
): Promise<ManifestEntry[]> {
  let done = 0;
  const attempt = async (unit: KeyedJob[]): Promise<Produced[]> => {
    if (signal.aborted) throw new Error('interrupted');
    const browser = await getBrowser();
    const [first] = unit;
    return whileConnected(browser, async () =>
      first?.job.type === 'booklet'
        ? [await produceBooklet(browser, first.job, first.key, context)]
        : produceHandouts(browser, unit.map(({ job, key }) => ({ job: job as HandoutJob, key })), context),
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
        // A page with nothing to print will not get any by trying again.
        if (signal.aborted || firstError instanceof NoHandoutContentError) throw firstError;
        log(`  retrying ${unit.map(({ job }) => job.file).join(', ')}: ${(firstError as Error).message.split('\n')[0]}`);
        produced = await attempt(unit);
      }
      const blocked = [...new Set(produced.flatMap((result) => result.blockedRequests))];
      if (blocked.length > 0) log(`  note: blocked ${blocked.length} outside request(s) from ${unit[0]?.job.file}: ${blocked.join(', ')}`);
      const seconds = ((performance.now() - unitStarted) / 1000 / produced.length).toFixed(2);
      for (const { bytes, entry } of produced) {
        await mkdir(dirname(join(stagingDir, entry.file)), { recursive: true });
        await writeFileAtomic(join(stagingDir, entry.file), bytes);
        done += 1;
        log(`[${done}/${items.length}] ${entry.file}  ${plural(entry.pages, 'page')}  ${(entry.bytes / 1024).toFixed(0)} KB  ${seconds} s`);
      }
      return produced.map(({ entry }) => entry);
    },
    () => signal.aborted,
  );

  if (signal.aborted) throw new HandoutRunError(`Interrupted (${String(signal.reason)}); the previous handouts were left as they were.`);
  const failures = units.map((unit, i) => ({ unit, result: results[i] })).filter(({ result }) => result?.status !== 'fulfilled');
  if (failures.length > 0) {
    const lines = failures.flatMap(({ unit, result }) => {
      const reason = result?.status === 'rejected' ? (result.reason as Error).message.split('\n')[0] : 'not started';
      return unit.map(({ job }) => `  - ${describe(job)}: ${reason}`);
    });
    throw new HandoutRunError(`${lines.length} of ${items.length} PDFs failed; nothing was published:\n${lines.join('\n')}`);
  }
  return results.flatMap((result) => (result as PromiseFulfilledResult<ManifestEntry[]>).value);
}
