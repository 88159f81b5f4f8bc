/**
 * One-sheet summaries, read back from the built PDFs: one per handout page, language and
 * paper; at most 2 pages with text on each; body text at 12 pt or more in Atkinson
 * Hyperlegible; a QR code that opens the full page; the sheet's title in the XMP; what a
 * sheet shows and leaves out. Each PDF is read once and checked for all of it. Then a
 * fixture page too long for one sheet fails the run, saying by how much, and leaves no PDF.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, inject, it } from 'vitest';
import { writeFixtureSite } from '../../scripts/bench/fixture-site.ts';
import { clinic } from '../../clinic.config.ts';
import type { Manifest } from '../../src/handouts/manifest.ts';
import { defaultHandoutOptions } from '../../src/handouts/options.ts';
import { HandoutRunError, runHandouts } from '../../src/handouts/run.ts';
import { handoutFile, papersFor } from '../../src/lib/handout-files.ts';
import { shortAddress } from '../../src/lib/sheet.ts';
import type { GuideStringKey } from '../../src/schemas/i18n.ts';
import { decodeQrCodes, pdfFonts, readPdfPages } from '../support/pdf-checks.ts';
import { TEST_OUT } from '../support/paths.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('siteDir');
const handoutsDir = join(siteDir, 'handouts');

type Words = Record<GuideStringKey, string>;
const dictionaries: Record<string, Words> = {
  en: JSON.parse(await readFile(new URL('../../src/content/i18n/en.json', import.meta.url), 'utf8')) as Words,
  es: JSON.parse(await readFile(new URL('../../src/content/i18n/es.json', import.meta.url), 'utf8')) as Words,
};

async function readManifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(handoutsDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** The document title in the PDF's XMP metadata. */
function xmpTitle(doc: PDFDocument): string {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) return '';
  const xml = new TextDecoder().decode(decodePDFRawStream(stream).decode());
  return (/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</.exec(xml)?.[1] ?? '').replaceAll('&amp;', '&');
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('one-sheet summaries', () => {
  it(
    'exist for every handout page in every language on the clinic’s paper, and each fits, reads and links back',
    async () => {
      const index = await readHandoutIndex(siteDir);
      const manifest = await readManifest();
      const sheets = manifest.handouts.filter((entry) => entry.kind === 'sheet');
      const expected = index.pages.flatMap((page) =>
        papersFor(clinic.paperSize).map((paper) => handoutFile(page.slug, paper, 'sheet')),
      );
      expect(sheets.map((entry) => entry.file).sort()).toEqual(expected.sort());
      expect(new Set(index.pages.map((page) => page.lang))).toEqual(new Set(['en', 'es']));

      const problems: string[] = [];
      for (const entry of sheets) {
        const file = join(handoutsDir, entry.file);
        const page = index.pages.find((candidate) => candidate.slug === entry.slug);
        const words = dictionaries[page?.lang ?? 'en'] as Words;
        const bytes = await readFile(file);
        const [pdf, codes, fonts, doc] = await Promise.all([
          readPdfPages(file),
          // The Read-more code ends the sheet: only its last page is scanned.
          decodeQrCodes(file, 100, { first: entry.pages, last: entry.pages }),
          pdfFonts(file),
          PDFDocument.load(bytes, { updateMetadata: false }),
        ]);
        const text = flat(pdf.texts.join('\n'));
        const fail = (what: string): number => problems.push(`${entry.file}: ${what}`);
        if (pdf.texts.length > 2 || pdf.texts.length !== entry.pages) fail(`${pdf.texts.length} pages`);
        pdf.texts.forEach((pageText, i) => {
          if (pageText.replace(/[^\p{L}]/gu, '').length < 100) fail(`page ${i + 1} has almost no text`);
        });
        if (pdf.bodyFontSize < 12) fail(`body text at ${pdf.bodyFontSize} pt`);
        if (!fonts.some((font) => /AtkinsonHyperlegible/i.test(font.name) && font.embedded))
          fail(`no embedded Atkinson Hyperlegible (${fonts.map((font) => font.name).join(', ')})`);
        if (!codes.includes(entry.url)) fail(`QR codes ${JSON.stringify(codes)}, not ${entry.url}`);
        if (!text.includes(shortAddress(entry.url))) fail(`no short address ${shortAddress(entry.url)}`);
        if (xmpTitle(doc) !== words['guide.pdf.sheetTitle'].replace('{title}', entry.title))
          fail(`XMP title "${xmpTitle(doc)}"`);
        for (const key of ['guide.whatToKnow', 'guide.sheet.readMore'] as const)
          if (!text.includes(words[key])) fail(`no "${words[key]}"`);
        // The help box: the compact one, or the page's own full box; the clinic's number either way.
        if (!text.includes(words['guide.sheet.help']) && !text.includes(words['guide.whenHelp.expected.heading']))
          fail('no "When to get help" box');
        if (!text.includes(clinic.phone)) fail(`no clinic phone ${clinic.phone}`);
        if (!text.includes(clinic.address[0] ?? '')) fail('no clinic address');
        // No sources list on the sheet (the QR code leads to it), and not the full page either.
        if (new RegExp(`(^|\\s)${words['guide.sources']}(\\s|$)`).test(text)) fail('prints the sources list');
        if (page?.review.line && !text.includes(flat(page.review.line).slice(0, 30))) fail('no review line');
      }
      expect(problems).toEqual([]);
    },
    10 * 60_000,
  );

  it('show what the author chose and leave out the rest of the page', async () => {
    const manifest = await readManifest();
    const file = manifest.handouts.find((entry) => entry.file === 'one-sheet/letter/preparing-for-your-session.pdf');
    const full = manifest.handouts.find((entry) => entry.file === 'letter/preparing-for-your-session.pdf');
    expect(file && full).toBeTruthy();
    const sheet = flat((await readPdfPages(join(handoutsDir, file?.file ?? ''))).texts.join(' '));
    const page = flat((await readPdfPages(join(handoutsDir, full?.file ?? ''))).texts.join(' '));
    // Chosen in its frontmatter: food-and-drink, medicines-and-alcohol, on-the-day.
    for (const heading of ['Food and drink', 'Medicines and alcohol', 'On the day']) expect(sheet).toContain(heading);
    for (const heading of ['What to bring', 'If you feel nervous', 'Sources']) {
      expect(page).toContain(heading);
      expect(sheet).not.toContain(heading);
    }
  });

  it('come first in each page’s download links and on the Handouts page, in both languages', async () => {
    for (const [lang, prefix, slug] of [
      ['en', '', 'glossary'],
      ['es', 'es/', 'es-glossary'],
    ] as const) {
      const words = dictionaries[lang] as Words;
      const pageHtml = await readFile(join(siteDir, prefix, 'glossary', 'index.html'), 'utf8');
      const links =
        [...pageHtml.matchAll(/<span class="handout-download[^"]*"[^>]*>([\s\S]*?)<\/span>/g)][0]?.[1] ?? '';
      const hrefs = [...links.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
      expect(hrefs[0]).toBe(`/handouts/${handoutFile(slug, 'letter', 'sheet')}`);
      expect(links).toContain(words['guide.sheet.link'].replace('{paper}', words['guide.paper.letter']));
      const listHtml = await readFile(join(siteDir, prefix, 'printable-handouts', 'index.html'), 'utf8');
      const columns = [
        ...(/<thead>([\s\S]*?)<\/thead>/.exec(listHtml)?.[1] ?? '').matchAll(/<th scope="col">([^<]*)</g),
      ];
      expect(columns[1]?.[1]).toBe(words['guide.sheet.link'].replace('{paper}', words['guide.paper.letter']));
      expect(listHtml).toContain(`href="/handouts/${handoutFile(slug, 'a4', 'sheet')}"`);
    }
  });
});

describe('a one-sheet summary longer than 2 pages', () => {
  it('fails the run, naming the page, its file, the paper and by how much, and publishes no PDF', async () => {
    const work = await mkdtemp(join(TEST_OUT, 'sheet-overflow-'));
    try {
      const site = join(work, 'site');
      await writeFixtureSite(site, { pages: 1, longSheet: { slugs: ['long-sheet'], paragraphs: 40 } });
      const base = { ...defaultHandoutOptions(site, ['a4']), largePrint: false, booklet: false, concurrency: 1 };
      // First the full handouts, which have no page limit: how many pages the long page really prints to.
      const full = await runHandouts({ ...base, sheets: false }, { signal: new AbortController().signal });
      const printed = full.entries.find((entry) => entry.slug === 'long-sheet')?.pages ?? 0;
      expect(printed).toBeGreaterThan(2);

      const run = runHandouts({ ...base, standard: false }, { signal: new AbortController().signal });
      await expect(run).rejects.toThrow(HandoutRunError);
      const message = await run.then(
        () => '',
        (error: Error) => error.message,
      );
      // Only the sheet failed: the short page's sheet was fine, and nothing else is listed.
      expect(message).toMatch(/^1 of 2 PDFs failed; nothing was published:\n/);
      expect(message).toMatch(
        /one-sheet\/a4\/long-sheet\.pdf \(\/long-sheet\/\): one-sheet for "long-sheet" \(fixture\/long-sheet\.md\) on A4 is (\d+\.\d+) pages: (\d+\.\d+) page \(about (\d+) mm\) too long; .*Take a point out of `sheet`/,
      );
      const [, pages, over, mm] = /is (\d+\.\d+) pages: (\d+\.\d+) page \(about (\d+) mm\)/.exec(message) ?? [];
      // The measured length agrees with the real print: it rounds up to the pages the full handout took.
      expect(Math.ceil(Number(pages))).toBe(printed);
      expect(Number(over)).toBeCloseTo(Number(pages) - 2, 1);
      // A4's printable height is 255 mm (297 mm less 42 mm of margins): "by how much" in millimetres says the same.
      expect(Number(mm)).toBeCloseTo((Number(pages) - 2) * 255, -1);
      // Nothing published by the failed run: the full handouts stay, and no sheet was left behind.
      expect(await stat(join(site, 'handouts', 'a4', 'long-sheet.pdf'))).toBeTruthy();
      expect(await stat(join(site, 'handouts', 'one-sheet')).catch(() => undefined)).toBeUndefined();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
