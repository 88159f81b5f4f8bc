/**
 * The one-sheet rule: a sheet takes one sheet of paper, both sides (SHEET_MAX_PAGES).
 * After a sheet is printed, a longer one fails the run. How much too long is measured in
 * the print tab: the height the content takes laid out at the printable width, against
 * the printable height of a page (paper minus the margins the renderer prints with).
 */
import type { Page } from 'puppeteer';
import type { PaperSize } from '../lib/handout-files.ts';
import { SHEET_FIELD, SHEET_MAX_PAGES } from '../lib/sheet.ts';
import type { HandoutPage } from './pages.ts';

/** Paper sizes in millimetres. */
const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  letter: { width: 215.9, height: 279.4 },
  a4: { width: 210, height: 297 },
};
const PAPER_NAME: Record<PaperSize, string> = { letter: 'US Letter', a4: 'A4' };
const PX_PER_MM = 96 / 25.4;

/** Margins of a standard handout (and a sheet), in millimetres: see pdfOptions in render.ts. */
export const STANDARD_MARGINS_MM = { top: 22, bottom: 20, left: 16, right: 16 } as const;

/** The area a page prints into, in millimetres. */
export function printableArea(paper: PaperSize): { width: number; height: number } {
  const size = PAPER_MM[paper];
  const m = STANDARD_MARGINS_MM;
  return { width: size.width - m.left - m.right, height: size.height - m.top - m.bottom };
}

/** A sheet longer than SHEET_MAX_PAGES: not retried, and nothing is published. */
export class SheetOverflowError extends Error {
  override name = 'SheetOverflowError';
  /** The sheet's path in the handouts folder. */
  readonly file: string;
  constructor(message: string, file: string) {
    super(message);
    this.file = file;
  }
}

/** How long a sheet's content is, laid out at the printable width, in pages and millimetres. */
export interface SheetLength {
  /** Pages the PDF came to. */
  printed: number;
  /** The content's height in pages of the printable height. */
  pages: number;
  /** Millimetres beyond SHEET_MAX_PAGES pages (0 when only page breaks push it over). */
  overMm: number;
}

/**
 * Measures the content (from the top of the title to the bottom of the last part shown) with
 * the tab laid out at the paper's printable width, then puts the tab's viewport back.
 */
export async function measureSheet(tab: Page, paper: PaperSize, printed: number): Promise<SheetLength> {
  const area = printableArea(paper);
  const viewport = tab.viewport();
  await tab.setViewport({ width: Math.round(area.width * PX_PER_MM), height: Math.round(area.height * PX_PER_MM) });
  try {
    const heightPx = await tab.evaluate(() => {
      const start = document.querySelector('main h1') ?? document.querySelector('.sl-markdown-content');
      const shown = [...document.querySelectorAll('.sl-markdown-content > *')].filter(
        (element) => element.getClientRects().length > 0,
      );
      const top = start?.getBoundingClientRect().top ?? 0;
      const bottom = Math.max(top, ...shown.map((element) => element.getBoundingClientRect().bottom));
      return bottom - top;
    });
    const heightMm = heightPx / PX_PER_MM;
    return {
      printed,
      pages: heightMm / area.height,
      overMm: Math.max(0, heightMm - SHEET_MAX_PAGES * area.height),
    };
  } finally {
    if (viewport) await tab.setViewport(viewport);
  }
}

/** The message for a sheet that does not fit: the page, its file, the paper, by how much, and what to cut. */
export function sheetOverflowMessage(
  page: Pick<HandoutPage, 'slug' | 'source'>,
  paper: PaperSize,
  length: SheetLength,
): string {
  const file = page.source ?? `the page of "${page.slug}"`;
  const over = length.pages - SHEET_MAX_PAGES;
  // Tenths of a page, or hundredths when it is less than a tenth over ("2.03 pages: 0.03 page").
  const digits = over < 0.1 ? 2 : 1;
  const size =
    length.overMm >= 1
      ? `${length.pages.toFixed(digits)} pages: ${over.toFixed(digits)} page (about ${Math.round(length.overMm)} mm) too long`
      : `${length.printed} pages when printed: its content just fits in ${SHEET_MAX_PAGES} pages, but the breaks that keep boxes and list items whole push it over`;
  return (
    `one-sheet for "${page.slug}" (${file}) on ${PAPER_NAME[paper]} is ${size}; a one-sheet summary may take ${SHEET_MAX_PAGES} pages (one sheet, both sides). ` +
    `Take a point out of \`${SHEET_FIELD}\` in its frontmatter, or shorten the sections it lists or the page's \`summary\`.`
  );
}
