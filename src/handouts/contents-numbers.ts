/**
 * The page numbers in an assembled document's contents (assembled.ts): where each handout
 * starts, read from a printed document's bookmarks or forecast from each handout's own page
 * count (page-counts.ts); the filler pages that put each handout on a right-hand page for
 * two-sided printing; and putting the numbers (and fillers) into the document in its tab.
 */
import type { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer';
import { readOutline } from './outline.ts';
import type { HandoutPage } from './pages.ts';

/** Where each handout starts, from the top-level bookmarks of a printed document. */
export function handoutStarts(
  doc: PDFDocument,
  pages: readonly Pick<HandoutPage, 'slug' | 'title'>[],
  repair: (title: string) => string = (title) => title,
): Record<string, number> {
  const outline = readOutline(doc);
  const normalize = (text: string): string => repair(text).replace(/\s+/g, ' ').trim();
  const starts: Record<string, number> = {};
  let from = 0;
  for (const page of pages) {
    const index = outline.findIndex((item, i) => i >= from && normalize(item.title) === normalize(page.title));
    if (index < 0) throw new Error(`the document has no bookmark for "${page.title}", so its page number is unknown`);
    starts[page.slug] = outline[index]?.page ?? 0;
    from = index + 1;
  }
  return starts;
}

/**
 * Two-sided printing: which handouts need a filler page before them so that each starts on
 * an odd (right-hand) page, and where each then starts. Each filler moves every later handout
 * one page on (each handout starts a new page, so nothing else moves).
 */
export function duplexLayout(
  order: readonly string[],
  starts: Record<string, number>,
): { fillersBefore: string[]; starts: Record<string, number> } {
  const fillersBefore: string[] = [];
  const moved: Record<string, number> = {};
  let offset = 0;
  for (const slug of order) {
    let start = (starts[slug] ?? 0) + offset;
    if (start % 2 === 0) {
      fillersBefore.push(slug);
      offset += 1;
      start += 1;
    }
    moved[slug] = start;
  }
  return { fillersBefore, starts: moved };
}

/**
 * Where each handout would start, from each one's page count on its own (page-counts.ts), before
 * two-sided filler pages: after the cover (and, two-sided, its back) and one page of contents.
 */
export function forecastStarts(
  order: readonly string[],
  pageCounts: readonly number[],
  duplex: boolean,
): Record<string, number> {
  const starts: Record<string, number> = {};
  let next = (duplex ? 3 : 2) + 1;
  order.forEach((slug, i) => {
    starts[slug] = next;
    next += pageCounts[i] ?? 0;
  });
  return starts;
}

/**
 * Puts the page numbers in the contents, and, two-sided (`blankText` given), a filler page before
 * each handout that would start on a left-hand page. Takes where each handout starts without
 * fillers; returns where each starts with them.
 */
export async function numberContents(
  tab: Page,
  order: readonly string[],
  starts: Record<string, number>,
  blankText: string | undefined,
): Promise<Record<string, number>> {
  let numbers = starts;
  if (blankText !== undefined) {
    const layout = duplexLayout(order, starts);
    numbers = layout.starts;
    await tab.evaluate(
      (slugs: string[], text: string) => {
        for (const slug of slugs) {
          const section = document.createElement('section');
          section.className = 'booklet-blank';
          section.dataset.filler = '';
          const line = document.createElement('p');
          line.textContent = text;
          section.append(line);
          document.getElementById(`handout-${slug}`)?.before(section);
        }
      },
      layout.fillersBefore,
      blankText,
    );
  }
  await tab.evaluate((pages: Record<string, number>) => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-toc-page]'))
      element.textContent = String(pages[element.dataset.tocPage ?? ''] ?? '');
  }, numbers);
  return numbers;
}

/** Undoes numberContents: back to the document as assembled, for a draft print. */
export async function unnumberContents(tab: Page): Promise<void> {
  await tab.evaluate(() => {
    for (const filler of document.querySelectorAll('[data-filler]')) filler.remove();
    for (const element of document.querySelectorAll<HTMLElement>('[data-toc-page]')) element.textContent = '00';
  });
}
