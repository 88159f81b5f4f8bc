/**
 * What a handout run reports as it works, as typed events. The command line
 * prints them (report.ts); the build step logs them; the bench and the tests
 * subscribe to them instead of reading log lines.
 */
import type { BrowserCandidate } from './browser.ts';
import type { ManifestEntry } from './manifest.ts';

export type HandoutEvent =
  /** PDFs whose inputs did not change since the last run, kept as they were. */
  | { type: 'kept'; entries: ManifestEntry[] }
  /** Rendering starts: how many PDFs, with which browser, how many at once. */
  | { type: 'rendering'; count: number; browser: BrowserCandidate; concurrency: number }
  /**
   * One PDF is written to the staging folder. `prints`: how many times the browser printed it (a
   * booklet or packet prints once when its handouts' page counts are known, see page-counts.ts).
   */
  | { type: 'written'; entry: ManifestEntry; done: number; total: number; seconds: number; prints: number }
  /** An attempt failed and the same work is tried once more. */
  | { type: 'retrying'; files: string[]; reason: string }
  /** A page tried to fetch from outside the local server; the requests were blocked. */
  | { type: 'blocked'; file: string; urls: string[] }
  /** The browser stopped during the run; a new one is being started. */
  | { type: 'relaunching' }
  /** The finished set replaced the handouts folder (false: nothing differed, so nothing was written). */
  | { type: 'published'; changed: boolean; out: string }
  /** One step of the pipeline after the PDFs (tables, search index, service worker) ran or was skipped. */
  | { type: 'step'; step: PipelineStepName; changed: boolean; note?: string }
  /** The run is over. */
  | { type: 'done'; written: number; kept: number; seconds: number; out: string };

/** The steps after the handouts, in their order (see pipeline.ts). */
export type PipelineStepName = 'tables' | 'search-index' | 'service-worker';

export type HandoutEventListener = (event: HandoutEvent) => void;

/** Collects every event of a run, for tests and the bench. */
export function recordEvents(): { events: HandoutEvent[]; listener: HandoutEventListener } {
  const events: HandoutEvent[] = [];
  return { events, listener: (event) => void events.push(event) };
}
