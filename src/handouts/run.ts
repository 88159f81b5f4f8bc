/**
 * One handout run: plan the PDFs, keep those whose inputs did not change,
 * serve the built site and start one browser for the rest, render a few at a
 * time, and publish the whole set or nothing. It reports what it does as typed
 * events (events.ts); it prints nothing itself.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clinic } from '../../clinic.config.ts';
import { bookletSlug, PAPER_SIZES } from '../lib/handout-files.ts';
import { clinicConfigFile } from '../lib/clinic-config.ts';
import type { PacketConfig } from '../lib/packets.ts';
import { findBrowserCandidates, systemLookup, type BrowserCandidate } from './browser.ts';
import { browserSession } from './browser-session.ts';
import { browserIdentity, jobKey, pageHashes, rendererFingerprint, reusableEntry } from './cache.ts';
import type { HandoutEventListener } from './events.ts';
import { writeFileAtomic } from './files.ts';
import { MANIFEST_FILE, readManifest, serializeManifest, type ManifestEntry } from './manifest.ts';
import type { HandoutOptions } from './options.ts';
import { loadHandoutIndex, type HandoutIndex, type HandoutPage } from './pages.ts';
import { currentCounts, PageCounts } from './page-counts.ts';
import { carriedOver, packetSlugsFor, packetsForSite, planJobs, type Job } from './plan.ts';
import type { ProduceContext } from './produce.ts';
import { createStaging } from './publish.ts';
import { renderAll, type KeyedJob } from './render-pool.ts';
import { serveStatic } from './server.ts';
import { loadRunningTextAssets } from './templates.ts';

export { HandoutRunError } from './render-pool.ts';
export { selectPages } from './plan.ts';

/** Relative paths in clinic.config.ts (the logo) are relative to the project, like the site build reads them. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunSummary {
  /** PDFs rendered in this run. */
  written: ManifestEntry[];
  /** PDFs kept from the last run because nothing they are made from changed. */
  kept: ManifestEntry[];
  /** Every PDF in the handouts folder now, in manifest order. */
  entries: ManifestEntry[];
  /** Whether the handouts folder changed (false: every file was already as it should be, and none was written). */
  changed: boolean;
  /** The built site's handout index the run printed from. */
  index: HandoutIndex;
  seconds: number;
  /** The browser used, or undefined when nothing needed rendering. */
  browser: BrowserCandidate | undefined;
}

export interface RunControls {
  /** Aborting stops the run: the browser is closed and the last good handouts stay. */
  signal: AbortSignal;
  /** Receives every progress event. */
  onEvent?: HandoutEventListener;
}

/** Manifest order: booklets, packets, then one-sheets, standard, large print; by paper; by reading (or config) order. */
function manifestOrder(
  pages: HandoutPage[],
  packets: readonly PacketConfig[],
): (a: ManifestEntry, b: ManifestEntry) => number {
  const kinds = ['booklet', 'packet', 'large-print-packet', 'sheet', 'standard', 'large-print'];
  const languages = [...new Set(pages.map((page) => page.lang))];
  const slugs = [...languages.map(bookletSlug), ...packetSlugsFor(packets, pages), ...pages.map((page) => page.slug)];
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

/** What identifies the browser this run would print with, found without starting it. */
async function browserToUse(path: string | undefined): Promise<string> {
  const [first] = await findBrowserCandidates(systemLookup(path));
  return browserIdentity(first?.executablePath);
}

export async function runHandouts(options: HandoutOptions, controls: RunControls): Promise<RunSummary> {
  const { signal } = controls;
  const onEvent = controls.onEvent ?? (() => undefined);
  const started = performance.now();
  const index = await loadHandoutIndex(options.site);
  // Checks every packet's pages against the built site before anything is printed.
  const packets = packetsForSite(clinic.packets, index.pages, clinic.packetsAreDefault);
  const jobs = planJobs(index.pages, options, packets, clinicConfigFile());
  const previous = await readManifest(options.out);
  const previousText = await readFile(join(options.out, MANIFEST_FILE), 'utf8').catch(() => undefined);
  const assets = await loadRunningTextAssets(resolve(PROJECT_ROOT, clinic.logo));
  const fingerprint = await rendererFingerprint({
    clinic,
    logo: assets.logoDataUrl,
    fontFaces: assets.fontFaces,
    browser: await browserToUse(options.browser),
    rendererEntry: options.rendererEntry,
  });
  const hashes = await pageHashes(
    options.site,
    index.base,
    index.pages.map((page) => page.path),
  );
  const keyOf = (job: Job): string => jobKey(job, fingerprint, hashes, index);
  const keyed: KeyedJob[] = jobs.map((job) => ({ job, key: keyOf(job) }));

  const staging = await createStaging(options.out, options.site);
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  const session = browserSession({
    browserPath: options.browser,
    timeoutMs: options.timeoutMs,
    signal,
    onRelaunch: () => onEvent({ type: 'relaunching' }),
    onlyOrigin: () => server?.origin,
  });
  try {
    const kept: ManifestEntry[] = [];
    const toRender: KeyedJob[] = [];
    for (const item of keyed) {
      const reusable = options.force
        ? undefined
        : await reusableEntry(previous.handouts, options.out, item.job.file, item.key);
      if (reusable && (await copyInto(options.out, staging.dir, reusable.file))) kept.push(reusable);
      else toRender.push(item);
    }
    onEvent({ type: 'kept', entries: kept });

    let written: ManifestEntry[] = [];
    if (toRender.length > 0) {
      server = await serveStatic({ root: options.site, base: index.base });
      await session.get();
      const candidate = session.candidate() as BrowserCandidate;
      onEvent({ type: 'rendering', count: toRender.length, browser: candidate, concurrency: options.concurrency });
      const context: ProduceContext = {
        origin: server.origin,
        clinicName: clinic.name,
        assets,
        labels: index.labels,
        timeoutMs: options.timeoutMs,
        siteUrl: index.site || clinic.siteUrl,
        base: index.base,
      };
      // The booklet and the packets number their contents from the single handouts' page counts:
      // those of the last run that are still current, and those this run prints as they come.
      const pageCounts = new PageCounts(
        currentCounts(previous.handouts, index.pages, keyOf),
        toRender.flatMap(({ job }) => (job.type === 'handout' ? [job.file] : [])),
      );
      written = await renderAll(toRender, context, {
        ...options,
        signal,
        onEvent,
        session,
        stagingDir: staging.dir,
        pageCounts,
      });
    }

    // Outputs this run did not ask for keep their last good files; stale paper sizes go (plan.ts).
    const carried: ManifestEntry[] = [];
    const packetSlugs = packetSlugsFor(packets, index.pages);
    for (const entry of carriedOver(previous.handouts, jobs, index.pages, options.papers, packetSlugs)) {
      if (await copyInto(options.out, staging.dir, entry.file)) carried.push(entry);
    }
    const entries = [...written, ...kept, ...carried].sort(manifestOrder(index.pages, packets));
    const manifestText = serializeManifest({ handouts: entries });
    // Nothing rendered and the same list: the folder already is this set, so it is left untouched
    // (the steps after it then see nothing new either, see pipeline.ts).
    const changed = written.length > 0 || manifestText !== previousText;
    if (changed) {
      await writeFileAtomic(join(staging.dir, MANIFEST_FILE), manifestText);
      await staging.publish();
    }
    onEvent({ type: 'published', changed, out: options.out });
    const seconds = (performance.now() - started) / 1000;
    return { written, kept, entries, changed, index, seconds, browser: session.candidate() };
  } finally {
    await session.close();
    await server?.close();
    await staging.discard();
  }
}
