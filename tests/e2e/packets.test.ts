/**
 * Visit packets, read back from the built PDFs (each read once): one per packet,
 * language, paper and size; a cover with the write-in lines and no running header,
 * footer or page number; contents whose page numbers are where each handout's
 * bookmark opens; a continuous "Page N of M"; two-sided packets with every handout
 * on a right-hand page and only text-bearing filler pages; XMP title and language;
 * and a row on each edition's Handouts page whose links resolve.
 */
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName, type PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, inject, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import { assembleInTab, renderAssembled } from '../../src/handouts/assembled.ts';
import { launchBrowser } from '../../src/handouts/browser.ts';
import { recordEvents } from '../../src/handouts/events.ts';
import type { Manifest, ManifestEntry } from '../../src/handouts/manifest.ts';
import { defaultHandoutOptions } from '../../src/handouts/options.ts';
import { singleHandoutFiles } from '../../src/handouts/page-counts.ts';
import { planPackets } from '../../src/handouts/plan.ts';
import { runHandouts } from '../../src/handouts/run.ts';
import { openForPrint, type RenderContext } from '../../src/handouts/render.ts';
import { serveStatic } from '../../src/handouts/server.ts';
import { loadRunningTextAssets } from '../../src/handouts/templates.ts';
import { packetFile, packetLanguage, papersFor } from '../../src/lib/handout-files.ts';
import { packetTitleIn } from '../../src/lib/packets.ts';
import { builds } from '../support/editions.ts';
import { PROJECT_ROOT, TEST_OUT } from '../support/paths.ts';
import { readPdfPages } from '../support/pdf-checks.ts';
import { runCommand } from '../support/run.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('siteDir');
const handoutsDir = join(siteDir, 'handouts');
const PAGE_COUNTER = /\b(Page|Página)\s+\d+\s+(of|de)\s+\d+\b/;
const BLANK = /This page is intentionally left blank\.|Esta página se dejó en blanco a propósito\./;
const COVER_WORDS: Record<string, string[]> = {
  en: ['Patient name', 'Date', 'Next appointment', 'Questions for your care team'],
  es: ['Nombre del paciente', 'Fecha', 'Próxima cita', 'Preguntas para su equipo de atención'],
};

async function readManifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(handoutsDir, 'manifest.json'), 'utf8')) as Manifest;
}

const isPacket = (entry: ManifestEntry): boolean => entry.kind === 'packet' || entry.kind === 'large-print-packet';
const flat = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

describe('visit packets', () => {
  it('are built for every packet, language, paper and size the clinic prints', async () => {
    const manifest = await readManifest();
    const languages = (['en', 'es'] as const).filter((lang) => builds(clinic, lang));
    const expected = clinic.packets.flatMap((packet) =>
      languages.flatMap((lang) =>
        papersFor(clinic.paperSize).flatMap((paper) =>
          (['standard', 'large-print'] as const).map((kind) => packetFile(packet.id, paper, lang, kind)),
        ),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      manifest.handouts
        .filter(isPacket)
        .map((e) => e.file)
        .sort(),
    ).toEqual(expected.sort());
  });

  it('read back with a write-in cover, contents that match the bookmarks, continuous page numbers and two-sided layout', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    const entries = manifest.handouts.filter(isPacket);
    for (const entry of entries) {
      const lang = packetLanguage(entry.slug);
      const packet = clinic.packets.find((p) => entry.slug.endsWith(`packet-${p.id}`))!;
      expect(packet, entry.file).toBeDefined();
      const title = packetTitleIn(packet, lang);
      const prefix = lang === 'en' ? '' : `${lang}-`;
      const pages = packet.pages.map((slug) => index.pages.find((p) => p.slug === `${prefix}${slug}`)!);
      const pdf = await readPdfPages(join(handoutsDir, entry.file));
      expect(pdf.sizes.length, entry.file).toBe(entry.pages);

      // The cover: clinic, title and the lines to write on; no header, footer or page number.
      const cover = flat(pdf.texts[0]);
      expect(cover, `${entry.file} cover`).toContain(clinic.name);
      expect(cover, `${entry.file} cover`).toContain(title);
      for (const word of COVER_WORDS[lang] ?? []) expect(cover, `${entry.file} cover`).toContain(word);
      expect(cover, `${entry.file} cover`).not.toMatch(PAGE_COUNTER);
      expect(cover.split(clinic.name).length - 1, `${entry.file}: the clinic's name only once, no header`).toBe(1);

      // Two-sided: the cover's back carries only the filler line, and every handout starts on an odd page.
      const coverPages = packet.duplex ? 2 : 1;
      if (packet.duplex) {
        expect(flat(pdf.texts[1]), `${entry.file} cover back`).toMatch(BLANK);
        expect(flat(pdf.texts[1]), `${entry.file} cover back`).not.toMatch(PAGE_COUNTER);
      }

      // Bookmarks per handout, in order, opening where the manifest and the contents say.
      const contents = flat(pdf.texts[coverPages]);
      expect(contents, `${entry.file} contents`).toMatch(/^(.*\s)?(Contents|Índice)\s/);
      let previous = coverPages + 1;
      for (const page of pages) {
        const bookmark = pdf.outline.find((item) => item.title === page.title);
        expect(bookmark, `${entry.file}: bookmark for ${page.title}`).toBeDefined();
        expect(bookmark!.page, `${entry.file}: ${page.title}`).toBeGreaterThan(previous);
        expect(entry.starts?.[page.slug], `${entry.file}: manifest start of ${page.slug}`).toBe(bookmark!.page);
        expect(contents, `${entry.file}: contents entry for ${page.title}`).toContain(
          `${page.title} ${bookmark!.page}`,
        );
        expect(flat(pdf.texts[bookmark!.page - 1]), `${entry.file}: page ${bookmark!.page}`).toContain(page.title);
        if (packet.duplex) expect(bookmark!.page % 2, `${entry.file}: ${page.title} on a right-hand page`).toBe(1);
        previous = bookmark!.page;
      }

      // One continuous "Page N of M" after the cover, and filler pages only in two-sided packets.
      for (let number = coverPages + 1; number <= entry.pages; number++) {
        const text = flat(pdf.texts[number - 1]);
        const counter = lang === 'en' ? `Page ${number} of ${entry.pages}` : `Página ${number} de ${entry.pages}`;
        expect(text, `${entry.file} page ${number}`).toContain(counter);
        if (BLANK.test(text)) {
          expect(packet.duplex, `${entry.file} page ${number}: a filler page in a one-sided packet`).toBe(true);
          expect(number % 2, `${entry.file} page ${number}: a filler page on a right-hand page`).toBe(0);
        }
      }
    }
  });

  it('carry their title and language in XMP', async () => {
    const manifest = await readManifest();
    for (const entry of manifest.handouts.filter((e) => isPacket(e) && e.paper === papersFor(clinic.paperSize)[0])) {
      const doc = await PDFDocument.load(await readFile(join(handoutsDir, entry.file)), { updateMetadata: false });
      const xml = new TextDecoder().decode(
        decodePDFRawStream(doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).decode(),
      );
      const lang = packetLanguage(entry.slug);
      expect(xml, entry.file).toContain(`<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`);
      const title = /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</.exec(xml)?.[1];
      expect(title, entry.file).toContain(entry.title);
      if (entry.kind === 'large-print-packet') expect(title, entry.file).toMatch(/\((large print|letra grande)\)$/);
    }
  });

  it('are listed on each edition’s Handouts page, and every link there resolves', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    const packets = manifest.handouts.filter(isPacket);
    expect(packets.length).toBeGreaterThan(0);
    for (const entry of packets) {
      const lang = packetLanguage(entry.slug);
      const listing = await readFile(
        join(siteDir, lang === 'en' ? '' : lang, 'printable-handouts', 'index.html'),
        'utf8',
      );
      const table = listing.slice(listing.indexOf('<table'), listing.indexOf('</table>'));
      expect(table, entry.file).toContain(`href="${index.base}handouts/${entry.file}"`);
      expect(table, entry.file).toContain(`<strong>${entry.title}</strong>`);
      // The row says how many handouts the packet holds.
      const count = Object.keys(entry.starts ?? {}).length;
      expect(table, entry.file).toMatch(new RegExp(`${count} (handouts in one file|folletos en un archivo)`));
      const file = await stat(join(handoutsDir, entry.file));
      expect(file.size, entry.file).toBe(entry.bytes);
    }
  });

  it('stop the run before anything is printed when a packet names a page the guide does not have', async () => {
    const manifestBefore = await readFile(join(handoutsDir, 'manifest.json'), 'utf8');
    const result = await runCommand('node', ['scripts/pdf.ts', '--site', siteDir, '--packets', '--force'], {
      GUIDE_CLINIC_CONFIG: 'tests/fixtures/clinic/clinic.bad-packet.ts',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'tests/fixtures/clinic/clinic.bad-packet.ts: packet "first-visit" lists a page that does not exist: risk-and-side-effects.',
    );
    expect(result.stderr).toMatch(/Valid page slugs \(pages with a handout\): start-here, .*risks-and-side-effects/);
    expect(result.stdout).not.toMatch(/Rendering/);
    expect(await readFile(join(handoutsDir, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  });

  it('put each handout of a one-sheet packet in a wrapper that switches the sheet look on', async () => {
    const index = await readHandoutIndex(siteDir);
    const [first, second] = index.pages.filter((page) => page.lang === 'en');
    const server = await serveStatic({ root: siteDir, base: index.base });
    const { browser } = await launchBrowser(undefined, 30_000, { onlyOrigin: server.origin });
    try {
      const assets = await loadRunningTextAssets(join(PROJECT_ROOT, clinic.logo));
      const context: RenderContext = {
        origin: server.origin,
        clinicName: clinic.name,
        assets,
        labels: index.labels,
        timeoutMs: 30_000,
      };
      const tabs = await browser.createBrowserContext();
      const attributes = async (sheets: boolean): Promise<Array<string | null>> => {
        const { tab } = await openForPrint(tabs, first!.path, context, false);
        await assembleInTab(tab, {
          entries: [first!, second!].map(({ slug, title, path }) => ({ slug, title, path })),
          clinicName: clinic.name,
          logoDataUrl: assets.logoDataUrl,
          cover: { title: 'Packet', lines: [], reviewLine: false },
          contents: 'Contents',
          sheets,
          blankPage: undefined,
        });
        const found = await tab.$$eval('article.booklet-handout', (articles) =>
          articles.map((article) =>
            article.querySelector('.sl-markdown-content') ? article.getAttribute('data-handout-kind') : 'no content',
          ),
        );
        await tab.close();
        return found;
      };
      expect(await attributes(true)).toEqual(['sheet', 'sheet']);
      expect(await attributes(false)).toEqual([null, null]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('number their contents before one print from each handout’s page count, and print a draft when a count is unknown or wrong', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    const [paper] = papersFor(clinic.paperSize);
    // The first packet printed from one-sheets, in English, as the build planned it.
    const job = planPackets(index.pages, clinic.packets, {
      languages: ['en'],
      papers: [paper ?? 'letter'],
      standard: true,
      largePrint: false,
      packets: true,
    }).find((planned) => planned.packet.from === 'sheets');
    expect(job, 'a packet of one-sheets').toBeDefined();
    const built = manifest.handouts.find((entry) => entry.file === job!.file);
    const counts = singleHandoutFiles(job!).map(
      (file) => manifest.handouts.find((entry) => entry.file === file)?.pages ?? Number.NaN,
    );
    expect(counts.every(Number.isInteger), `page counts of ${singleHandoutFiles(job!).join(', ')}`).toBe(true);

    const server = await serveStatic({ root: siteDir, base: index.base });
    const { browser } = await launchBrowser(undefined, 30_000, { onlyOrigin: server.origin });
    try {
      const context: RenderContext = {
        origin: server.origin,
        clinicName: clinic.name,
        assets: await loadRunningTextAssets(join(PROJECT_ROOT, clinic.logo)),
        labels: index.labels,
        timeoutMs: 30_000,
      };
      const tabs = await browser.createBrowserContext();
      const render = (pageCounts: number[] | undefined) =>
        renderAssembled(
          tabs,
          {
            pages: job!.pages,
            lang: 'en',
            paper: job!.paper,
            large: false,
            cover: { title: job!.title, lines: [], reviewLine: false },
            sheets: true,
            reviewWords: 'packet',
            duplex: job!.packet.duplex,
            pageCounts,
          },
          context,
        );
      const known = await render(counts);
      expect(known.prints, 'counts known: one print').toBe(1);
      expect(known.starts).toEqual(built?.starts);
      const unknown = await render(undefined);
      expect(unknown.prints, 'no counts: a draft, then the print').toBe(2);
      expect(unknown.starts).toEqual(built?.starts);
      // A count that is wrong (the first handout one page longer) is caught by the bookmarks.
      const wrong = await render(counts.map((count, i) => (i === 0 ? count + 1 : count)));
      expect(wrong.prints, 'a wrong forecast: printed, found out, then a draft and the print').toBe(3);
      expect(wrong.starts).toEqual(built?.starts);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('print once each in a run, numbered from this run’s and the last run’s single handouts', {
    timeout: 120_000,
  }, async () => {
    await mkdir(TEST_OUT, { recursive: true });
    const out = await mkdtemp(join(TEST_OUT, 'packets-once-'));
    try {
      await cp(handoutsDir, out, { recursive: true });
      const [paper] = papersFor(clinic.paperSize);
      // The last run has no start-here handout: its count can only come from this run.
      const manifest = await readManifest();
      const handouts = manifest.handouts.filter((entry) => entry.file !== `${paper}/start-here.pdf`);
      expect(handouts.length).toBe(manifest.handouts.length - 1);
      await writeFile(join(out, 'manifest.json'), JSON.stringify({ ...manifest, handouts }, null, 2));
      const { events, listener } = recordEvents();
      await runHandouts(
        {
          ...defaultHandoutOptions(siteDir, [paper ?? 'letter']),
          out,
          languages: ['en'],
          // The standard packets, and one page's standard handout: a packet that holds that page
          // waits for this run's count of it; every other count is the last run's.
          only: ['start-here'],
          sheets: false,
          largePrint: false,
          booklet: false,
          force: true,
        },
        { signal: new AbortController().signal, onEvent: listener },
      );
      const written = events.flatMap((event) => (event.type === 'written' ? [event] : []));
      expect(written.map((event) => event.entry.file)).toContain(`${paper}/start-here.pdf`);
      const packets = written.filter((event) => event.entry.kind === 'packet');
      expect(packets.length).toBe(clinic.packets.length);
      expect(packets.some((event) => Object.keys(event.entry.starts ?? {}).includes('start-here'))).toBe(true);
      expect(packets.map((event) => [event.entry.file, event.prints])).toEqual(
        packets.map((event) => [event.entry.file, 1]),
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
