/**
 * The booklet: every handout of one language in reading order in one PDF, the
 * assembled document (assembled.ts) of every page, under the site's title.
 */
import type { BrowserContext } from 'puppeteer';
import { renderAssembled, type AssembledResult } from './assembled.ts';
import type { BookletJob } from './plan.ts';
import { labelsFor, type RenderContext } from './render.ts';

export type BookletResult = AssembledResult;

/** Prints the booklet for one paper size. Always closes its tab. */
export async function renderBooklet(
  browser: BrowserContext,
  job: BookletJob,
  context: RenderContext,
  pageCounts?: readonly number[],
): Promise<BookletResult> {
  const labels = labelsFor(context, job.lang);
  return renderAssembled(
    browser,
    {
      pages: job.pages,
      lang: job.lang,
      paper: job.paper,
      large: false,
      cover: { title: undefined, lines: [labels.bookletSubtitle], reviewLine: true },
      sheets: false,
      reviewWords: 'booklet',
      duplex: false,
      pageCounts,
    },
    context,
  );
}
