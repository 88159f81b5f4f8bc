/**
 * What a screen reader and a Spanish reader meet: every link on a page has a name of its own
 * (two links share a name only when they go to the same place; the Handouts page once had
 * 66 links all called "PDF"), and nothing of the interface is in English on a Spanish page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPagePaths } from '../support/built-pages.ts';
import { DEVICES, useDevice } from '../support/devices.ts';
import { openSite, type SiteSession } from '../support/site.ts';
import { inTabs } from '../support/tabs.ts';

const siteDir = inject('siteDir');

/** Interface words of the English edition that must not show on a Spanish page (text or labels). */
const ENGLISH_UI = [
  'Get help now',
  'Download PDF',
  'US Letter',
  'Large print',
  'On this page',
  'Skip to content',
  'Print this page',
  'Description:',
  'You are offline',
  'Last reviewed',
  'What to know',
  'Previous',
  'Next',
  'Menu',
  'Search',
  'Cancel',
  'Handout',
  'Contents',
  'Phone hours',
];

/** Each visible link's accessible name (aria-label, or its text and image alt text) and where it goes. */
async function linkNames(tab: Page): Promise<Array<{ name: string; href: string }>> {
  return tab.$$eval('a[href]', (links) =>
    links.flatMap((link) => {
      if (
        link.closest('[aria-hidden="true"], [inert], template') ||
        !link.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })
      )
        return [];
      const labelled = link.getAttribute('aria-labelledby');
      const name =
        link.getAttribute('aria-label') ??
        (labelled
          ? labelled
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : undefined) ??
        [link.innerText, ...[...link.querySelectorAll('img[alt]')].map((img) => img.getAttribute('alt') ?? '')].join(
          ' ',
        );
      return [{ name: name.replace(/\s+/g, ' ').trim(), href: (link as HTMLAnchorElement).href }];
    }),
  );
}

/** Text and labels of a page that a reader sees or hears, leaving out parts marked as English on purpose (lang="en"). */
async function spanishPageText(tab: Page): Promise<string> {
  return tab.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const english of clone.querySelectorAll('[lang]:not([lang^="es"]), script, style, template')) english.remove();
    document.body.append(clone);
    clone.style.cssText = 'position:absolute;left:-10000px;top:0;width:1000px';
    const labels = [...clone.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')].flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    const text = `${clone.innerText}\n${labels.join('\n')}\n${document.title}`;
    clone.remove();
    return text;
  });
}

describe('link names and language', () => {
  let site: SiteSession;
  let tab: Page;
  let paths: string[];
  beforeAll(async () => {
    site = await openSite(siteDir);
    paths = await builtPagePaths(siteDir);
    tab = await site.browser.newPage();
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(DEVICES.filter((device) => device.viewport.width <= 390 || device.viewport.width >= 1024))(
    'every link on every page has a unique name, or shares it only with links to the same place ($name)',
    async (device) => {
      const problems: string[] = [];
      const visit = async (tab: Page, path: string): Promise<void> => {
        await tab.goto(`${site.server.url}${path}`);
        const targets = new Map<string, Set<string>>();
        for (const { name, href } of await linkNames(tab)) {
          if (name === '') problems.push(`/${path}: a link to ${href} has no name`);
          targets.set(name, (targets.get(name) ?? new Set()).add(href));
        }
        for (const [name, hrefs] of targets)
          if (hrefs.size > 1)
            problems.push(
              `/${path}: "${name}" names ${hrefs.size} different links: ${[...hrefs].slice(0, 3).join(', ')}`,
            );
      };
      await inTabs(site.browser, paths, visit, { prepare: (tab) => useDevice(tab, device) });
      expect(paths.length).toBeGreaterThan(10);
      expect(problems.sort()).toEqual([]);
    },
    180_000,
  );

  it('names each handout link in full on the Handouts page ("Start here, US Letter, PDF, 3 pages")', async () => {
    await useDevice(tab, DEVICES[0]!);
    await tab.goto(`${site.server.url}printable-handouts/`);
    const pdfLinks = (await linkNames(tab)).filter((link) => link.href.endsWith('.pdf'));
    expect(pdfLinks.length).toBeGreaterThan(30);
    const named = (file: string): string | undefined =>
      pdfLinks.find((link) => link.href.endsWith(`/handouts/${file}`))?.name;
    expect(named('letter/start-here.pdf')).toMatch(/^Start here, US Letter, PDF, \d+ pages?$/);
    // The one-sheet and the packets say which they are, so no two links read the same.
    expect(named('one-sheet/letter/start-here.pdf')).toMatch(
      /^Start here, One-sheet summary, US Letter, PDF, 2 pages$/,
    );
    expect(named('packets/letter/first-visit.pdf')).toMatch(/^Your first visit, .*US Letter, PDF, \d+ pages$/);
    expect(new Set(pdfLinks.map((link) => link.name)).size).toBe(pdfLinks.length);
    expect(pdfLinks.filter((link) => link.name === 'PDF')).toEqual([]);
    // Opened in the browser's viewer (ready to print, and served offline by the service worker), never as a download.
    expect(await tab.$$eval('a[download]', (links) => links.length)).toBe(0);
  });

  it('shows no English interface words on any Spanish page, nor in the Spanish search', async () => {
    await useDevice(tab, DEVICES[1]!);
    const problems: string[] = [];
    const spanishPages = paths.filter((path) => path.startsWith('es/'));
    const visit = async (page: Page, path: string): Promise<void> => {
      await page.goto(`${site.server.url}${path}`);
      const text = await spanishPageText(page);
      for (const words of ENGLISH_UI)
        if (new RegExp(`(^|[^\\p{L}])${words}([^\\p{L}]|$)`, 'u').test(text)) problems.push(`/${path}: "${words}"`);
    };
    await inTabs(site.browser, spanishPages, visit, { prepare: (page) => useDevice(page, DEVICES[1]!) });
    await tab.goto(`${site.server.url}es/`);
    await tab.waitForSelector('button[data-open-modal]:not([disabled])');
    await tab.click('button[data-open-modal]');
    await tab.type('dialog[open] .pagefind-ui__search-input', 'efectos secundarios');
    // Wait until every result has its title and excerpt (Pagefind fills them in one by one).
    await tab.waitForFunction(() => {
      const results = document.querySelectorAll('dialog[open] .pagefind-ui__result');
      return (
        results.length > 0 &&
        document.querySelectorAll('dialog[open] .pagefind-ui__result-link').length >= results.length
      );
    });
    const dialog = await tab.$eval('dialog[open]', (element) => (element as HTMLElement).innerText);
    for (const words of ENGLISH_UI) if (dialog.includes(words)) problems.push(`Spanish search: "${words}"`);
    expect(paths.filter((path) => path.startsWith('es/')).length).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  }, 120_000);

  it('gives the Spanish booklet and large-print PDFs a Spanish title and subject', async () => {
    const read = async (file: string): Promise<{ title: string; subject: string }> => {
      const doc = await PDFDocument.load(await readFile(join(siteDir, 'handouts', file)), { updateMetadata: false });
      return { title: doc.getTitle() ?? '', subject: doc.getSubject() ?? '' };
    };
    const booklet = await read('es-booklet-letter.pdf');
    expect(booklet.title).toMatch(/todos los folletos/);
    expect(booklet.subject).toMatch(/^Todos los folletos/);
    expect(`${booklet.title} ${booklet.subject}`).not.toMatch(/all handouts|Every handout/);
    expect((await read('large-print/letter/es-glossary.pdf')).title).toMatch(/\(letra grande\)$/);
    expect((await read('booklet-letter.pdf')).title).toMatch(/all handouts$/);
  });
});
