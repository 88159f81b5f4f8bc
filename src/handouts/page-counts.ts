/**
 * How many pages each single handout takes, for the booklet and the packets to number their
 * contents before they print. A handout in an assembled document is the same content, with
 * the same stylesheets, on the same paper, starting on a new page, so it takes as many pages
 * as its own PDF. With every count known, an assembled document prints once; without, it
 * prints a draft first to learn where each handout starts (assembled.ts). The counts are only a
 * forecast: assembled.ts checks them against the printed bookmarks and falls back to the draft.
 */
import { HANDOUT_KINDS, handoutFile, type HandoutKind } from '../lib/handout-files.ts';
import type { ManifestEntry } from './manifest.ts';
import type { HandoutPage } from './pages.ts';
import { printsSheets, type BookletJob, type HandoutJob, type PacketJob } from './plan.ts';

/** The single handout files whose page counts an assembled document needs, in its pages' order. */
export function singleHandoutFiles(job: BookletJob | PacketJob): string[] {
  const kind: HandoutKind = job.type === 'booklet' ? 'standard' : printsSheets(job) ? 'sheet' : job.kind;
  return job.pages.map((page) => handoutFile(page.slug, job.paper, kind));
}

/**
 * The page counts of the last run's single handouts that are still current: made from the same
 * inputs (the same key) as the page would be printed from now, whether or not this run prints it.
 */
export function currentCounts(
  previous: readonly ManifestEntry[],
  pages: readonly HandoutPage[],
  keyOf: (job: HandoutJob) => string,
): Array<[string, number]> {
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  return previous.flatMap((entry): Array<[string, number]> => {
    const page = bySlug.get(entry.slug);
    const kind = HANDOUT_KINDS.find((candidate) => candidate === entry.kind);
    if (!page || !kind) return [];
    const job: HandoutJob = { type: 'handout', page, paper: entry.paper, kind, file: entry.file };
    return handoutFile(page.slug, entry.paper, kind) === entry.file && keyOf(job) === entry.key
      ? [[entry.file, entry.pages]]
      : [];
  });
}

/**
 * Page counts by handout file: those known when the run starts (a current PDF of the last run),
 * and those of the PDFs this run prints, which become known as each is written.
 */
export class PageCounts {
  readonly #known = new Map<string, number>();
  readonly #pending = new Map<string, { promise: Promise<void>; resolve: () => void }>();

  constructor(known: Iterable<readonly [string, number]>, pending: Iterable<string>) {
    for (const [file, pages] of known) this.#known.set(file, pages);
    for (const file of pending) {
      if (this.#known.has(file) || this.#pending.has(file)) continue;
      let resolve = (): void => undefined;
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      this.#pending.set(file, { promise, resolve });
    }
  }

  /** Records a printed file's page count, or (`undefined`) that this run will not have one. */
  settle(file: string, pages: number | undefined): void {
    if (pages !== undefined) this.#known.set(file, pages);
    const waiting = this.#pending.get(file);
    this.#pending.delete(file);
    waiting?.resolve();
  }

  /** Stops every wait: the run is stopping, and what has not been printed will not be. */
  giveUp(): void {
    for (const file of [...this.#pending.keys()]) this.settle(file, undefined);
  }

  /**
   * Every file's count, in order, once those still printing are written; undefined when any
   * cannot be known in this run (not printed, failed, or never planned), so nobody waits in vain.
   */
  async of(files: readonly string[]): Promise<number[] | undefined> {
    if (files.some((file) => !this.#known.has(file) && !this.#pending.has(file))) return undefined;
    await Promise.all(files.map((file) => this.#pending.get(file)?.promise));
    const counts = files.map((file) => this.#known.get(file));
    return counts.every((count): count is number => count !== undefined) ? counts : undefined;
  }
}
