/**
 * One handout run: serve the built site, start one browser, render the
 * selected pages a few at a time, and publish the whole set or nothing.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { clinic } from '../../clinic.config.ts';
import { launchBrowser, type BrowserCandidate } from './browser.ts';
import type { CliOptions } from './cli.ts';
import { sha256, writeFileAtomic } from './files.ts';
import { MANIFEST_FILE, readManifest, serializeManifest, type ManifestEntry } from './manifest.ts';
import { finalizePdf } from './metadata.ts';
import { loadHandoutIndex, UsageError, type HandoutIndex, type HandoutPage } from './pages.ts';
import { runPool } from './pool.ts';
import { createStaging } from './publish.ts';
import { renderHandout, type PaperSize } from './render.ts';
import { serveStatic } from './server.ts';

export interface RunSummary {
  written: ManifestEntry[];
  seconds: number;
  browser: BrowserCandidate;
}

/** Raised when some pages failed; names each one. */
export class HandoutRunError extends Error {
  override name = 'HandoutRunError';
}

const PAPER: PaperSize = 'letter';

/** Chooses pages by slug; an unknown slug is an error that lists the valid ones. */
export function selectPages(pages: HandoutPage[], only: string[]): HandoutPage[] {
  if (only.length === 0) return pages;
  const known = new Set(pages.map((page) => page.slug));
  const unknown = only.filter((slug) => !known.has(slug));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown page${unknown.length > 1 ? 's' : ''} for --only: ${unknown.join(', ')}\nValid pages: ${[...known].join(', ')}`,
    );
  }
  return pages.filter((page) => only.includes(page.slug));
}

function publicUrl(index: HandoutIndex, page: HandoutPage): string {
  return index.site ? new URL(page.path, index.site).href : page.path;
}

export async function runHandouts(options: CliOptions, signal: AbortSignal, log: (line: string) => void = console.log): Promise<RunSummary> {
  const started = performance.now();
  const index = await loadHandoutIndex(options.site);
  const pages = selectPages(index.pages, options.only);
  const previous = await readManifest(options.out);
  const staging = await createStaging(options.out);
  const server = await serveStatic({ root: options.site, base: index.base });
  let browser: Browser | undefined;
  const closeBrowser = async (): Promise<void> => {
    const open = browser;
    browser = undefined;
    await open?.close().catch(() => open.process()?.kill('SIGKILL'));
  };
  const onAbort = (): void => void closeBrowser();
  signal.addEventListener('abort', onAbort);

  try {
    const launched = await launchBrowser(options.browser);
    browser = launched.browser;
    log(`Rendering ${pages.length} handout${pages.length === 1 ? '' : 's'} with ${launched.candidate.executablePath} (${launched.candidate.source}), ${options.concurrency} at a time`);

    const renderOnce = async (page: HandoutPage): Promise<Uint8Array> => {
      if (signal.aborted) throw new Error('interrupted');
      if (!browser?.connected) {
        await closeBrowser();
        browser = (await launchBrowser(options.browser)).browser;
      }
      const result = await renderHandout(browser, page, { origin: server.origin, paper: PAPER, clinicName: clinic.name, timeoutMs: options.timeoutMs });
      if (result.blockedRequests.length > 0) log(`  note: blocked ${result.blockedRequests.length} outside request(s) from ${page.slug}: ${result.blockedRequests.join(', ')}`);
      return result.pdf;
    };

    let done = 0;
    const results = await runPool(
      pages,
      options.concurrency,
      async (page): Promise<ManifestEntry> => {
        const pageStarted = performance.now();
        let raw: Uint8Array;
        try {
          raw = await renderOnce(page);
        } catch (firstError) {
          if (signal.aborted) throw firstError;
          log(`  retrying ${page.slug}: ${(firstError as Error).message.split('\n')[0]}`);
          raw = await renderOnce(page);
        }
        const { bytes, pages: pageCount } = await finalizePdf(raw, {
          title: page.title,
          author: clinic.name,
          subject: page.description ?? page.title,
          keywords: ['ketamine therapy', 'patient education', page.title],
          language: 'en-US',
          date: new Date(`${page.reviewed}T00:00:00Z`),
        });
        const file = `${page.slug}.pdf`;
        await writeFileAtomic(join(staging.dir, file), bytes);
        done += 1;
        log(`[${done}/${pages.length}] ${file}  ${pageCount} page${pageCount === 1 ? '' : 's'}  ${(bytes.length / 1024).toFixed(0)} KB  ${((performance.now() - pageStarted) / 1000).toFixed(2)} s`);
        return { slug: page.slug, title: page.title, url: publicUrl(index, page), file, paper: PAPER, pages: pageCount, bytes: bytes.length, sha256: sha256(bytes) };
      },
      () => signal.aborted,
    );

    if (signal.aborted) throw new HandoutRunError(`Interrupted (${String(signal.reason)}); the previous handouts were left as they were.`);
    const failures = pages
      .map((page, i) => ({ page, result: results[i] }))
      .filter(({ result }) => result?.status !== 'fulfilled');
    if (failures.length > 0) {
      const lines = failures.map(({ page, result }) => {
        const reason = result?.status === 'rejected' ? (result.reason as Error).message.split('\n')[0] : 'not started';
        return `  - ${page.slug} (${page.path}): ${reason}`;
      });
      throw new HandoutRunError(`${failures.length} of ${pages.length} handouts failed; nothing was published:\n${lines.join('\n')}`);
    }
    const written = results.map((result) => (result as PromiseFulfilledResult<ManifestEntry>).value);

    // A partial run (--only) keeps the other pages' last good files.
    const renderedSlugs = new Set(written.map((entry) => entry.slug));
    const entries: ManifestEntry[] = [];
    for (const page of index.pages) {
      const fresh = written.find((entry) => entry.slug === page.slug);
      const kept = renderedSlugs.has(page.slug) ? undefined : previous.handouts.find((entry) => entry.slug === page.slug);
      if (fresh) entries.push(fresh);
      else if (kept && (await copyFile(join(options.out, kept.file), join(staging.dir, kept.file)).then(() => true, () => false))) entries.push(kept);
    }
    await writeFileAtomic(join(staging.dir, MANIFEST_FILE), serializeManifest({ handouts: entries }));
    await staging.publish();
    const seconds = (performance.now() - started) / 1000;
    log(`Done: ${written.length} handout${written.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${(written.length / seconds).toFixed(1)} per second) -> ${options.out}`);
    return { written, seconds, browser: launched.candidate };
  } finally {
    signal.removeEventListener('abort', onAbort);
    await closeBrowser();
    await server.close();
    await staging.discard();
  }
}
