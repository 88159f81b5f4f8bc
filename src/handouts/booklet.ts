/**
 * The booklet: every handout in reading order in one PDF, with a cover, a
 * table of contents with page numbers, and bookmarks for every handout and
 * its sections.
 *
 * It is assembled in one tab from the built pages themselves (their content
 * and their stylesheets), so it prints exactly what the single handouts print.
 * Chromium cannot number a table of contents (no CSS target-counter), so it is
 * printed twice: the first print's bookmarks say where each handout starts,
 * those numbers go into the contents, and the second print is the result.
 */
import { PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page } from 'puppeteer';
import { readOutline, titleRepairer } from './outline.ts';
import type { BookletJob } from './plan.ts';
import { bookletReview } from '../review/booklet-review.ts';
import type { HandoutReview } from './pages.ts';
import { headingTexts, labelsFor, openForPrint, pdfOptions, type RenderContext, type RenderResult } from './render.ts';

export interface BookletResult extends RenderResult {
  /** The booklet's title (the site's title). */
  title: string;
  /** What the booklet says about review (src/review/booklet-review.ts); its date is the latest review of any handout. */
  review: HandoutReview;
  /** 1-based page where each handout starts, by slug. */
  starts: Record<string, number>;
}

interface AssembleInput {
  entries: Array<{ slug: string; title: string; path: string }>;
  clinicName: string;
  logoDataUrl: string;
  /** Whether every handout inside has a current clinical review. */
  reviewedLine: string;
  subtitle: string;
  contents: string;
}

/** Runs in the tab: replaces the page with cover, contents and every handout's content; returns the site title. */
async function assemble(tab: Page, input: AssembleInput): Promise<string> {
  return tab.evaluate(async ({ entries, clinicName, logoDataUrl, reviewedLine, subtitle, contents }) => {
    const make = (tag: string, className: string, text?: string): HTMLElement => {
      const element = document.createElement(tag);
      if (className) element.className = className;
      if (text !== undefined) element.textContent = text;
      return element;
    };
    const siteTitle =
      document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? document.title;
    const sheets = new Set(
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) => link.href),
    );
    const inlineStyles = new Set([...document.querySelectorAll('head style')].map((style) => style.textContent));

    const cover = make('section', 'booklet-cover');
    const logo = document.createElement('img');
    logo.src = logoDataUrl;
    logo.alt = `${clinicName} logo`;
    logo.className = 'booklet-cover-logo';
    cover.append(
      logo,
      make('p', 'booklet-cover-clinic', clinicName),
      make('h1', '', siteTitle),
      make('p', 'booklet-cover-subtitle', subtitle),
      make('p', 'booklet-cover-date', reviewedLine),
    );

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
        if (sheets.has(href)) continue;
        sheets.add(href);
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
    main.append(cover, toc, ...articles);
    document.body.replaceChildren(main);
    return siteTitle;
  }, input);
}

/**
 * Waits until every stylesheet the booklet added has loaded (or failed) and its fonts are in.
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
      throw new Error(`the booklet's stylesheets and fonts did not finish loading within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Where each handout starts, from the top-level bookmarks of a printed booklet. */
export function handoutStarts(
  doc: PDFDocument,
  job: BookletJob,
  repair: (title: string) => string = (title) => title,
): Record<string, number> {
  const outline = readOutline(doc);
  const normalize = (text: string): string => repair(text).replace(/\s+/g, ' ').trim();
  const starts: Record<string, number> = {};
  let from = 0;
  for (const page of job.pages) {
    const index = outline.findIndex((item, i) => i >= from && normalize(item.title) === normalize(page.title));
    if (index < 0) throw new Error(`the booklet has no bookmark for "${page.title}", so its page number is unknown`);
    starts[page.slug] = outline[index]?.page ?? 0;
    from = index + 1;
  }
  return starts;
}

/** Prints the booklet for one paper size. Always closes its tab. */
export async function renderBooklet(
  browser: BrowserContext,
  job: BookletJob,
  context: RenderContext,
): Promise<BookletResult> {
  const first = job.pages[0];
  if (!first) throw new Error('there are no handout pages to put in the booklet');
  const { tab, blockedRequests } = await openForPrint(browser, first.path, context, false);
  try {
    const labels = labelsFor(context, job.lang);
    const review = bookletReview(
      job.pages.map((page) => page.review),
      labels,
    );
    const title = await assemble(tab, {
      entries: job.pages.map(({ slug, title, path }) => ({ slug, title, path })),
      clinicName: context.clinicName,
      logoDataUrl: context.assets.logoDataUrl,
      reviewedLine: review.line,
      subtitle: labels.bookletSubtitle,
      contents: labels.bookletContents,
    });
    await waitForStyles(tab, context.timeoutMs);
    const options = pdfOptions({ paper: job.paper, large: false, title, review, lang: job.lang }, context);
    const headings = await headingTexts(tab);
    const repair = titleRepairer(headings);
    let pdf = await tab.pdf(options);
    const starts = handoutStarts(await PDFDocument.load(pdf, { updateMetadata: false }), job, repair);
    await tab.evaluate((numbers: Record<string, number>) => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-toc-page]'))
        element.textContent = String(numbers[element.dataset.tocPage ?? ''] ?? '');
    }, starts);
    // Filling in the numbers could in theory move a handout; produce.ts checks the final bookmarks against them.
    pdf = await tab.pdf(options);
    return { pdf, blockedRequests, headings, title, review, starts };
  } finally {
    await tab.close().catch(() => undefined);
  }
}
