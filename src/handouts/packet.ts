/**
 * A visit packet: a chosen set of handouts (clinic.config.ts `packets`) as one
 * assembled document (assembled.ts), behind a cover with blank lines to write
 * on by hand. Printed from the one-sheets or the full pages; large print always
 * uses the full large-print pages (there is no large-print one-sheet).
 */
import type { BrowserContext } from 'puppeteer';
import { renderAssembled, type AssembledResult } from './assembled.ts';
import { printsSheets, type PacketJob } from './plan.ts';
import { labelsFor, type RenderContext } from './render.ts';

/** Ruled lines for questions on the cover: room for a few, and the cover still fits one page in large print. */
const QUESTION_LINES = 5;

/** Prints one packet on one paper, in one language and size. Always closes its tab. */
export async function renderPacket(
  browser: BrowserContext,
  job: PacketJob,
  context: RenderContext,
  pageCounts?: readonly number[],
): Promise<AssembledResult> {
  const words = labelsFor(context, job.lang).packet;
  return renderAssembled(
    browser,
    {
      pages: job.pages,
      lang: job.lang,
      paper: job.paper,
      large: job.kind === 'large-print',
      cover: {
        title: job.title,
        lines: [],
        reviewLine: false,
        writeIn: {
          fields: [words.patientName, words.date, words.nextAppointment],
          questions: words.questions,
          questionLines: QUESTION_LINES,
        },
      },
      sheets: printsSheets(job),
      reviewWords: 'packet',
      duplex: job.packet.duplex,
      pageCounts,
    },
    context,
  );
}
