/**
 * Renders one built page to one PDF in a fresh browser tab, with print media,
 * fonts loaded, and every request outside the local server blocked.
 */
import type { Browser, PDFOptions } from 'puppeteer';
import { escapeHtml } from './html.ts';
import type { HandoutPage } from './pages.ts';

export type PaperSize = 'letter' | 'a4';

export interface RenderOptions {
  /** Origin of the local server, e.g. "http://127.0.0.1:41234". */
  origin: string;
  paper: PaperSize;
  clinicName: string;
  /** Milliseconds to wait for the page to load before giving up. */
  timeoutMs: number;
}

/** Raised when a page tried to reach beyond the local server; the page is still rendered without it. */
export interface RenderResult {
  pdf: Uint8Array;
  blockedRequests: string[];
}

/** Every option passed to Chromium's printer lives here. */
export function pdfOptions(page: HandoutPage, options: RenderOptions): PDFOptions {
  const reviewed = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${page.reviewed}T00:00:00Z`));
  const small = 'font-size:8pt;font-family:sans-serif;color:#222;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:8mm;';
  return {
    format: options.paper,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${small}"><span>${escapeHtml(options.clinicName)}</span><span>${escapeHtml(page.title)}</span></div>`,
    footerTemplate: `<div style="${small}"><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span><span>Reviewed ${escapeHtml(reviewed)}</span></div>`,
    margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    timeout: options.timeoutMs,
  };
}

/** Renders `page` from the local server into PDF bytes. Always closes its tab. */
export async function renderHandout(browser: Browser, page: HandoutPage, options: RenderOptions): Promise<RenderResult> {
  const tab = await browser.newPage();
  const blockedRequests: string[] = [];
  try {
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (url.startsWith(`${options.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
        void request.continue();
      } else {
        blockedRequests.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await tab.emulateMediaType('print');
    const response = await tab.goto(`${options.origin}${page.path}`, { waitUntil: 'load', timeout: options.timeoutMs });
    if (!response || !response.ok()) {
      throw new Error(`the server answered ${response?.status() ?? 'nothing'} for ${page.path}`);
    }
    await tab.evaluate(async () => {
      await document.fonts.ready;
    });
    const pdf = await tab.pdf(pdfOptions(page, options));
    return { pdf, blockedRequests };
  } finally {
    await tab.close().catch(() => undefined);
  }
}
