/**
 * Where the text sits on each page of a PDF, read back with pdf.js (unpdf):
 * which text is the running header and footer, which is the page's own (body)
 * text, and how much of the space between header and footer the body uses.
 * Shares no code with the renderer.
 */
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

export interface PageLayout {
  /** 1-based. */
  number: number;
  /** The page's own text, without the running header and footer. */
  bodyText: string;
  /** The running header and footer text found on the page. */
  runningText: string;
  /**
   * Share (0..1) of the space between the header and the footer left empty
   * below the lowest line of body text; 1 for a page without body text.
   */
  emptyBelow: number;
}

interface Line {
  text: string;
  /** Baseline, in points from the bottom of the page. */
  y: number;
  size: number;
}

/** "Page 3 of 5", "Página 3 de 5": the footer's page counter. */
const PAGE_COUNTER = /\b(Page|Página)\s+\d+\s+(of|de)\s+\d+\b/;
/** "Reviewed November 20, 2026", "Revisado el 20 de noviembre de 2026": the footer's review line. */
const REVIEW_LINE = /^(Reviewed|Revisado el) .*\d{4}$/;

/**
 * Reads every page. `runningStrings` are the texts the header and footer print
 * (clinic name, title, review line); with the page counter they tell the running
 * text apart: the header is the text above the body, the footer the text below.
 */
export async function readPageLayouts(file: string, runningStrings: string[]): Promise<PageLayout[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const pages: PageLayout[] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const lines: Line[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        lines.push({
          text: item.str,
          y: item.transform[5] ?? 0,
          size: Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0),
        });
      }
      pages.push(layoutOf(number, lines, runningStrings));
    }
  } finally {
    await pdf.loadingTask.destroy();
  }
  return pages;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function isRunning(text: string, runningStrings: string[]): boolean {
  const t = squash(text).replace(/…$/, '');
  if (t === '' || PAGE_COUNTER.test(t) || REVIEW_LINE.test(t) || /^(Page|Página|of|de|\d+)$/.test(t)) return true;
  // The footer's title may be cut short with an ellipsis.
  return runningStrings.some((s) => squash(s) === t || (t.length >= 8 && squash(s).startsWith(t)));
}

function layoutOf(number: number, lines: Line[], runningStrings: string[]): PageLayout {
  const counter = lines.find((line) => PAGE_COUNTER.test(line.text) || /^(Page|Página)\b/.test(line.text));
  const headerLine = lines.filter((line) => isRunning(line.text, runningStrings)).sort((a, b) => b.y - a.y)[0];
  // Header: running text at the top of the page; footer: running text on the counter's baseline.
  const footerY = counter?.y ?? -Infinity;
  const headerY = headerLine && headerLine.y > footerY ? headerLine.y : Infinity;
  const running = lines.filter(
    (line) =>
      isRunning(line.text, runningStrings) && (Math.abs(line.y - footerY) < 2 || Math.abs(line.y - headerY) < 2),
  );
  const body = lines.filter((line) => !running.includes(line));
  const top = Number.isFinite(headerY) ? headerY - 2 * (headerLine?.size ?? 0) : Math.max(...lines.map((l) => l.y));
  const bottom = Number.isFinite(footerY) ? footerY + 2 * (counter?.size ?? 0) : 0;
  const lowest = body.length > 0 ? Math.min(...body.map((line) => line.y - line.size * 0.3)) : top;
  const emptyBelow = body.length > 0 ? Math.max(0, Math.min(1, (lowest - bottom) / (top - bottom))) : 1;
  return {
    number,
    bodyText: squash(body.map((line) => line.text).join(' ')),
    runningText: squash(running.map((line) => line.text).join(' ')),
    emptyBelow,
  };
}
