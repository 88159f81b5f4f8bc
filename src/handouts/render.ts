/**
 * Renders one built page to PDFs in a print tab (print-tabs.ts), with print media,
 * fonts loaded, and every request outside the local server blocked.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page, PDFOptions } from 'puppeteer';
import type { PaperSize } from '../lib/handout-files.ts';
import { SHEET_KIND_ATTRIBUTE, SHEET_KIND_VALUE, SHEET_MAX_PAGES } from '../lib/sheet.ts';
import type { HandoutIndex, HandoutLabels, HandoutReview } from './pages.ts';
import type { HandoutJob } from './plan.ts';
import { releasePrintTab, takePrintTab, type PrintTab } from './print-tabs.ts';
import { measureSheet, SheetOverflowError, sheetOverflowMessage, STANDARD_MARGINS_MM } from './sheet-fit.ts';
import { RUNNING_TEXT_FONT, runningTemplates, type RunningTextAssets } from './templates.ts';

export interface RenderContext {
  /** Origin of the local server, e.g. "http://127.0.0.1:41234". */
  origin: string;
  clinicName: string;
  assets: RunningTextAssets;
  /** Header and footer words by language (from dist/handout-pages.json). */
  labels: HandoutIndex['labels'];
  /** Milliseconds to wait for the page to load before giving up. */
  timeoutMs: number;
}

/** What decides the look of one printed document. */
export interface PrintSettings {
  paper: PaperSize;
  /** Large print: 18 pt body text (see src/styles/print.css). */
  large: boolean;
  /** Title in the footer. */
  title: string;
  /** The review line (or notice) in the footer. */
  review: Pick<HandoutReview, 'line' | 'notice'>;
  /** Language of the page, e.g. "en": picks the footer's words and date format. */
  lang: string;
}

export interface RenderResult {
  pdf: Uint8Array;
  /** The text of every heading printed, to repair Chromium's bookmark titles with (see outline.ts). */
  headings: string[];
  /** Requests the page tried to make beyond the local server (they were blocked). */
  blockedRequests: string[];
}

/** The page loaded but has nothing to print: it is not a page of this guide's build. */
export class NoHandoutContentError extends Error {
  override name = 'NoHandoutContentError';
  constructor(path: string) {
    super(
      `${path} has no handout content (no text in ".sl-markdown-content"), so it is not a page of this guide as built. ` +
        'Rebuild the site (npm run build:site); to leave a page out of the handouts, set "handout: { include: false }" in its frontmatter.',
    );
  }
}

/**
 * The footer's words for `lang`. The index's schema already refuses a page whose language
 * has no words, so a miss here is a bug, not something to paper over with another copy.
 */
export function labelsFor(context: Pick<RenderContext, 'labels'>, lang: string): HandoutLabels {
  const labels = context.labels[lang as keyof RenderContext['labels']];
  if (!labels)
    throw new Error(
      `the built site has no handout words for the language "${lang}" (handout-pages.json, \`labels.${lang}\`); rebuild it: npm run build:site`,
    );
  return labels;
}

/** Every option passed to Chromium's printer lives here. */
export function pdfOptions(settings: PrintSettings, context: RenderContext): PDFOptions {
  const labels = labelsFor(context, settings.lang);
  const templates = runningTemplates(context.assets, {
    clinicName: context.clinicName,
    title: settings.title,
    review: settings.review,
    pageOf: labels.pageOf,
    large: settings.large,
  });
  return {
    format: settings.paper,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    ...templates,
    margin: settings.large
      ? { top: '26mm', bottom: '24mm', left: '16mm', right: '16mm' }
      : {
          top: `${STANDARD_MARGINS_MM.top}mm`,
          bottom: `${STANDARD_MARGINS_MM.bottom}mm`,
          left: `${STANDARD_MARGINS_MM.left}mm`,
          right: `${STANDARD_MARGINS_MM.right}mm`,
        },
    timeout: context.timeoutMs,
  };
}

/**
 * Opens `path` from the local server in a print tab (a new one, or one a document before this
 * one handed back: print-tabs.ts), in print media with its fonts loaded. The caller releases
 * the tab with releasePrintTab.
 */
export async function openForPrint(
  browser: BrowserContext,
  path: string,
  context: RenderContext,
  large: boolean,
): Promise<PrintTab> {
  const { tab, blockedRequests } = await takePrintTab(browser, context.origin);
  try {
    const response = await tab.goto(`${context.origin}${path}`, { waitUntil: 'load', timeout: context.timeoutMs });
    if (!response?.ok()) {
      throw new Error(`the server answered ${response?.status() ?? 'nothing'} for ${path}`);
    }
    const hasContent = await tab.evaluate(
      () => (document.querySelector('.sl-markdown-content')?.textContent ?? '').trim() !== '',
    );
    if (!hasContent) throw new NoHandoutContentError(path);
    await tab.evaluate(
      async (largePrint, fontFaces, family) => {
        // Paper is always the light theme. Starlight picks the theme with a page script, which print
        // tabs do not run, and its default is the dark one: set here what that script would.
        document.documentElement.dataset.theme = 'light';
        if (largePrint) document.documentElement.dataset.printSize = 'large';
        // Loading the header's and footer's font in the page first puts it in memory for them.
        const style = document.createElement('style');
        style.textContent = fontFaces;
        document.head.append(style);
        await Promise.all([document.fonts.load(`400 12pt "${family}"`), document.fonts.load(`700 12pt "${family}"`)]);
        await document.fonts.ready;
      },
      large,
      context.assets.fontFaces,
      RUNNING_TEXT_FONT,
    );
    return { tab, blockedRequests };
  } catch (error) {
    await releasePrintTab(tab, false);
    throw error;
  }
}

/** The text of the headings a printed page shows. */
export async function headingTexts(tab: Page): Promise<string[]> {
  return tab.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((heading) => heading.getClientRects().length > 0)
      .map((heading) => heading.textContent ?? ''),
  );
}

/** Puts the tab in the look of one kind: the print size, and the sheet attribute (src/lib/sheet.ts) on `<html>`. */
async function showKind(tab: Page, kind: HandoutJob['kind']): Promise<void> {
  await tab.evaluate(
    async (largePrint, sheet, attribute, value) => {
      const root = document.documentElement;
      if (largePrint) root.dataset.printSize = 'large';
      else delete root.dataset.printSize;
      if (sheet) root.setAttribute(attribute, value);
      else root.removeAttribute(attribute);
      await document.fonts.ready;
    },
    kind === 'large-print',
    kind === 'sheet',
    SHEET_KIND_ATTRIBUTE,
    SHEET_KIND_VALUE,
  );
}

/** Fails a sheet that came to more than SHEET_MAX_PAGES pages, saying by how much (sheet-fit.ts). */
async function checkSheetFits(tab: Page, job: HandoutJob, pdf: Uint8Array): Promise<void> {
  const printed = (
    await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
  ).getPageCount();
  if (printed <= SHEET_MAX_PAGES) return;
  throw new SheetOverflowError(
    sheetOverflowMessage(job.page, job.paper, await measureSheet(tab, job.paper, printed)),
    job.file,
  );
}

/** Sheets first, then standard, then large print: each switch of look changes the least. */
const KIND_ORDER: ReadonlyArray<HandoutJob['kind']> = ['sheet', 'standard', 'large-print'];

/**
 * Renders every variant of one page (paper sizes, one-sheet, standard and large print)
 * from a single load of it: loading and font waiting cost more than printing.
 * Results come back in the order of `jobs`. Always releases its tab.
 */
export async function renderHandouts(
  browser: BrowserContext,
  jobs: HandoutJob[],
  context: RenderContext,
): Promise<RenderResult[]> {
  const page = jobs[0]?.page;
  if (!page || jobs.some((job) => job.page.slug !== page.slug))
    throw new Error('renderHandouts prints the variants of one page at a time');
  const { tab, blockedRequests } = await openForPrint(browser, page.path, context, false);
  let printedWell = false;
  try {
    const results = new Map<HandoutJob, RenderResult>();
    const ordered = [...jobs].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    for (const job of ordered) {
      await showKind(tab, job.kind);
      const pdf = await tab.pdf(
        pdfOptions(
          {
            paper: job.paper,
            large: job.kind === 'large-print',
            title: page.title,
            review: page.review,
            lang: page.lang,
          },
          context,
        ),
      );
      if (job.kind === 'sheet') await checkSheetFits(tab, job, pdf);
      results.set(job, { pdf, blockedRequests, headings: await headingTexts(tab) });
    }
    printedWell = true;
    return jobs.map((job) => results.get(job) as RenderResult);
  } finally {
    await releasePrintTab(tab, printedWell);
  }
}
