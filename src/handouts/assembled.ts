/**
 * An assembled document: several handouts in one PDF, with a cover, a table of
 * contents with page numbers, bookmarks for every handout and its sections, and
 * one continuous "Page N of M". The booklet (every page, booklet.ts) and each
 * visit packet (a chosen set, packet.ts) are both made here.
 *
 * It is assembled in one tab from the built pages themselves (their content
 * and their stylesheets), so it prints exactly what the single handouts print.
 * Chromium cannot number a table of contents (no CSS target-counter). Each
 * handout takes as many pages here as in its own PDF, so when those page counts
 * are known (page-counts.ts) the numbers (and, for two-sided printing, the filler
 * pages that put each handout on a right-hand page) go in first and one print is
 * the result, kept once its bookmarks agree. Otherwise a draft print's bookmarks
 * say where each handout starts, and the second print is the result.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page } from 'puppeteer';
import type { PaperSize } from '../lib/handout-files.ts';
import { bookletReview } from '../review/booklet-review.ts';
import { forecastStarts, handoutStarts, numberContents, unnumberContents } from './contents-numbers.ts';
import { titleRepairer } from './outline.ts';
import type { HandoutPage, HandoutReview } from './pages.ts';
import { releasePrintTab } from './print-tabs.ts';
import { headingTexts, labelsFor, openForPrint, pdfOptions, type RenderContext, type RenderResult } from './render.ts';

/** The cover: logo, clinic, title, then either lines of text (the booklet) or blank lines to write on (a packet). */
export interface CoverSpec {
  /** The cover's title; undefined: the site's title (the booklet). */
  title: string | undefined;
  /** Lines printed under the title. */
  lines: string[];
  /** Print, last, whether every handout inside has a current clinical review (the booklet does). */
  reviewLine: boolean;
  /** A packet's write-in cover: labels of the blank lines, and the heading of the ruled lines for questions. */
  writeIn?: { fields: string[]; questions: string; questionLines: number };
}

/** What to assemble: which pages, how, on what paper. */
export interface AssembledSpec {
  pages: HandoutPage[];
  lang: string;
  paper: PaperSize;
  large: boolean;
  cover: CoverSpec;
  /** Print each page's one-sheet: its wrapper carries `data-handout-kind="sheet"`, which switches the sheet look on. */
  sheets: boolean;
  /** Two-sided printing: a text-bearing filler page keeps the cover's back and each handout's first page apart. */
  duplex: boolean;
  /** Whose words the review line uses: the booklet's, or a packet's ("in this packet"). */
  reviewWords: 'booklet' | 'packet';
  /** The footer's title; undefined: the cover's title. */
  footerTitle?: string;
  /** Each page's handout on its own, its page count, in `pages` order (page-counts.ts): the contents are then numbered before one print. */
  pageCounts?: readonly number[] | undefined;
}

export interface AssembledResult extends RenderResult {
  /** The cover's title (the site's title for the booklet). */
  title: string;
  /** What the document says about review (src/review/booklet-review.ts); its date is the latest review of any handout. */
  review: HandoutReview;
  /** 1-based page where each handout starts, by slug. */
  starts: Record<string, number>;
  /** 0-based pages printed without the running header and footer: the cover (and its back, two-sided). */
  coverPages: number[];
  /** How many times it was printed: 1 when the page counts foretold the contents, 2 with a draft, 3 when the forecast missed. */
  prints: number;
}

export interface AssembleInput {
  entries: Array<{ slug: string; title: string; path: string }>;
  clinicName: string;
  logoDataUrl: string;
  cover: CoverSpec;
  contents: string;
  sheets: boolean;
  /** The filler page's text, or undefined for one-sided printing. */
  blankPage: string | undefined;
}

/** Runs in the tab: replaces the page with cover, contents and every handout's content; returns the cover's title. */
export async function assembleInTab(tab: Page, input: AssembleInput): Promise<string> {
  return tab.evaluate(async ({ entries, clinicName, logoDataUrl, cover: spec, contents, sheets, blankPage }) => {
    const make = (tag: string, className: string, text?: string): HTMLElement => {
      const element = document.createElement(tag);
      if (className) element.className = className;
      if (text !== undefined) element.textContent = text;
      return element;
    };
    const siteTitle =
      document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? document.title;
    const title = spec.title ?? siteTitle;
    const sheetsLoaded = new Set(
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => link.href),
    );
    const inlineStyles = new Set([...document.querySelectorAll('head style')].map((style) => style.textContent));

    const cover = make('section', `booklet-cover${spec.writeIn ? ' packet-cover' : ''}`);
    const logo = document.createElement('img');
    logo.src = logoDataUrl;
    logo.alt = `${clinicName} logo`;
    logo.className = 'booklet-cover-logo';
    cover.append(logo, make('p', 'booklet-cover-clinic', clinicName), make('h1', '', title));
    for (const line of spec.lines) cover.append(make('p', 'booklet-cover-subtitle', line));
    if (spec.writeIn) {
      // Blank lines to fill in by hand: nothing about a patient is ever typed in or stored.
      const form = make('div', 'packet-write-in');
      for (const field of spec.writeIn.fields) {
        const row = make('p', 'packet-field');
        row.append(make('span', 'packet-field-label', `${field}:`), make('span', 'packet-field-line'));
        form.append(row);
      }
      form.append(make('p', 'packet-field packet-questions', `${spec.writeIn.questions}:`));
      for (let i = 0; i < spec.writeIn.questionLines; i++) form.append(make('div', 'packet-rule'));
      cover.append(form);
    }
    const filler = (): HTMLElement => {
      const section = make('section', 'booklet-blank');
      section.append(make('p', '', blankPage ?? ''));
      return section;
    };

    const toc = make('nav', 'booklet-toc');
    toc.setAttribute('aria-labelledby', 'booklet-contents');
    const tocHeading = make('h1', '', contents);
    tocHeading.id = 'booklet-contents';
    const tocList = make('ol', '');
    toc.append(tocHeading, tocList);

    const parser = new DOMParser();
    // Fetch in parallel, but add the stylesheets in reading order: their order is the cascade's.
    const htmls = await Promise.all(
      entries.map(async (entry) => {
        const response = await fetch(entry.path);
        if (!response.ok) throw new Error(`the server answered ${response.status} for ${entry.path}`);
        return response.text();
      }),
    );
    const articles = entries.map((entry, index) => {
      const page = parser.parseFromString(htmls[index] ?? '', 'text/html');
      for (const link of page.querySelectorAll<HTMLLinkElement>('head link[rel="stylesheet"]')) {
        const href = new URL(link.getAttribute('href') ?? '', location.href).href;
        if (sheetsLoaded.has(href)) continue;
        sheetsLoaded.add(href);
        const copy = document.createElement('link');
        copy.rel = 'stylesheet';
        copy.href = href;
        if (link.media) copy.media = link.media;
        document.head.append(copy);
      }
      for (const style of page.querySelectorAll('head style')) {
        if (inlineStyles.has(style.textContent)) continue;
        inlineStyles.add(style.textContent);
        document.head.append(document.importNode(style, true));
      }
      const content = page.querySelector('.sl-markdown-content');
      if (!content) throw new Error(`${entry.path} has no page content (.sl-markdown-content)`);
      // Every handout has its own "what-to-know", "sources"...: prefix the ids so each stays unique.
      const prefix = (id: string): string => `${entry.slug}--${id}`;
      for (const element of content.querySelectorAll('[id]')) element.id = prefix(element.id);
      for (const element of content.querySelectorAll('[aria-labelledby]')) {
        element.setAttribute(
          'aria-labelledby',
          (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).map(prefix).join(' '),
        );
      }
      for (const anchor of content.querySelectorAll('a[href^="#"]'))
        anchor.setAttribute('href', `#${prefix((anchor.getAttribute('href') ?? '#').slice(1))}`);
      const article = make('article', 'booklet-handout');
      article.id = `handout-${entry.slug}`;
      // The one switch of the one-sheet look (its CSS is scoped under this attribute).
      if (sheets) article.dataset.handoutKind = 'sheet';
      article.append(make('h1', '', entry.title), document.importNode(content, true));
      return article;
    });

    for (const entry of entries) {
      const item = make('li', '');
      const link = make('a', '') as HTMLAnchorElement;
      link.href = `#handout-${entry.slug}`;
      const page = make('span', 'booklet-toc-page', '00');
      page.dataset.tocPage = entry.slug;
      link.append(make('span', 'booklet-toc-title', entry.title), make('span', 'booklet-toc-leader'), page);
      item.append(link);
      tocList.append(item);
    }
    const main = make('main', 'booklet');
    // Two-sided: the cover's back is a filler page, so the contents start on a right-hand page.
    main.append(cover, ...(blankPage === undefined ? [] : [filler()]), toc, ...articles);
    document.body.replaceChildren(main);
    return title;
  }, input);
}

/**
 * Waits until every stylesheet the document added has loaded (or failed) and its fonts are in.
 * Print tabs run no page script, so the page cannot report this through events or promises
 * (their callbacks never run): the renderer asks, until the answer is yes or `timeoutMs` passes.
 */
async function waitForStyles(tab: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const settled = await tab.evaluate(
      () =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
          (link) => link.sheet !== null || performance.getEntriesByName(link.href).length > 0,
        ) && document.fonts.status === 'loaded',
    );
    if (settled) return;
    if (Date.now() > deadline)
      throw new Error(`the document's stylesheets and fonts did not finish loading within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reads a printed document at full speed: pdf-lib otherwise pauses for a timer tick every 100 objects. */
function loadFast(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Prints an assembled document for one paper size and language. Always releases its tab. */
export async function renderAssembled(
  browser: BrowserContext,
  spec: AssembledSpec,
  context: RenderContext,
): Promise<AssembledResult> {
  const first = spec.pages[0];
  if (!first) throw new Error('there are no handout pages to put in the document');
  const { tab, blockedRequests } = await openForPrint(browser, first.path, context, spec.large);
  let printedWell = false;
  try {
    const labels = labelsFor(context, spec.lang);
    const review = bookletReview(
      spec.pages.map((page) => page.review),
      spec.reviewWords === 'packet'
        ? { bookletReviewedAll: labels.packet.reviewedAll, bookletNotReviewed: labels.packet.notReviewed }
        : labels,
    );
    const blankText = spec.duplex ? labels.packet.blankPage : undefined;
    const title = await assembleInTab(tab, {
      entries: spec.pages.map(({ slug, title, path }) => ({ slug, title, path })),
      clinicName: context.clinicName,
      logoDataUrl: context.assets.logoDataUrl,
      cover: { ...spec.cover, lines: [...spec.cover.lines, ...(spec.cover.reviewLine ? [review.line] : [])] },
      contents: labels.bookletContents,
      sheets: spec.sheets,
      blankPage: blankText,
    });
    await waitForStyles(tab, context.timeoutMs);
    const options = pdfOptions(
      { paper: spec.paper, large: spec.large, title: spec.footerTitle ?? title, review, lang: spec.lang },
      context,
    );
    const headings = await headingTexts(tab);
    const repair = titleRepairer(headings);
    const order = spec.pages.map((page) => page.slug);
    let prints = 0;
    const print = (draft: boolean): Promise<Uint8Array> => {
      prints += 1;
      return tab.pdf(
        draft ? { ...options, displayHeaderFooter: false, headerTemplate: '', footerTemplate: '' } : options,
      );
    };
    const finish = (pdf: Uint8Array, starts: Record<string, number>): AssembledResult => {
      printedWell = true;
      return {
        pdf,
        blockedRequests,
        headings,
        title,
        review,
        starts,
        coverPages: spec.duplex ? [0, 1] : [0],
        prints,
      };
    };
    if (spec.pageCounts) {
      // Each handout's own PDF says how long it is here: number the contents first, print once,
      // and keep the print if its bookmarks agree.
      const starts = await numberContents(tab, order, forecastStarts(order, spec.pageCounts, spec.duplex), blankText);
      const pdf = await print(false);
      const printed = handoutStarts(await loadFast(pdf), spec.pages, repair);
      if (order.every((slug) => printed[slug] === starts[slug])) return finish(pdf, starts);
      await unnumberContents(tab);
    }
    // The draft only says where each handout starts: without the running header and footer (the
    // margins, and so every page break, stay the same), Chromium does not lay out the header and
    // footer templates for every page. produce.ts checks the final bookmarks against these starts.
    const draft = await print(true);
    const starts = await numberContents(
      tab,
      order,
      handoutStarts(await loadFast(draft), spec.pages, repair),
      blankText,
    );
    // Filling in the numbers could in theory move a handout; produce.ts checks the final bookmarks against them.
    return finish(await print(false), starts);
  } finally {
    await releasePrintTab(tab, printedWell);
  }
}
