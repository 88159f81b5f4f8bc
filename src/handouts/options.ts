/**
 * What a handout run is asked to do, as the library's own type: the command line
 * (cli.ts), the build step, the bench and the tests all fill it in. The library
 * never reads argv or the environment.
 */
import { availableParallelism } from 'node:os';
import { PAPER_SIZES, type PaperSize } from '../lib/handout-files.ts';

export interface HandoutOptions {
  /** Built site to print from. */
  site: string;
  /** Where the PDFs go; normally <site>/handouts. */
  out: string;
  /** Slugs to print; empty means every handout page. */
  only: string[];
  /** Languages to print (handouts and booklets); empty means every edition. */
  languages: string[];
  /** Paper sizes to print on; PDFs on any other paper are dropped from the published set. */
  papers: PaperSize[];
  /** Which outputs to make: one-sheet summaries, standard handouts, large print, the booklet, the visit packets. */
  sheets: boolean;
  standard: boolean;
  largePrint: boolean;
  booklet: boolean;
  /** The visit packets (clinic.config.ts `packets`), in standard and/or large print as `standard`/`largePrint` say. */
  packets: boolean;
  /** Render everything again, even what the last run already made from the same inputs. */
  force: boolean;
  /** Pages rendered at once. */
  concurrency: number;
  /** Chrome or Chromium to use; undefined looks one up (see browser.ts). */
  browser: string | undefined;
  /**
   * Bounds everything one attempt at a page (or the booklet) does, per document it loads or
   * prints: loading, fonts, printing, finishing the PDF. Also each browser start, and (at
   * least 30 s, see browser.ts) each single call to the browser.
   */
  timeoutMs: number;
  /** Where the renderer's module graph starts, for the cache key (cache.ts); tests point it at a copy. */
  rendererEntry?: URL;
}

/**
 * Every handout of every page on `papers`: what `npm run pdf` and the build make (both pass
 * the clinic's `paperSize`). The papers are also the published set: files on other paper go.
 */
export function defaultHandoutOptions(site: string, papers: readonly PaperSize[] = PAPER_SIZES): HandoutOptions {
  return {
    site,
    out: `${site.replace(/\/+$/, '')}/handouts`,
    only: [],
    languages: [],
    papers: [...papers],
    sheets: true,
    standard: true,
    largePrint: true,
    booklet: true,
    packets: true,
    force: false,
    concurrency: Math.max(2, availableParallelism()),
    browser: undefined,
    timeoutMs: 30_000,
  };
}
