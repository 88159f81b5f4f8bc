import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import type { Manifest, ManifestEntry } from '../../src/handouts/manifest.ts';
import { packetLanguage } from '../../src/lib/handout-files.ts';
import { normalizeWords, readPdf } from '../support/pdf.ts';
import { decodeQrCodes, pdfFonts, pdfInfo, pdfLanguage, readPdfPages } from '../support/pdf-checks.ts';
import { builds, editionsOf } from '../support/editions.ts';
import { runCommand } from '../support/run.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('siteDir');
const handoutsDir = join(siteDir, 'handouts');

/** Page sizes in points, portrait. */
const PAPER_POINTS: Record<string, [number, number]> = { letter: [612, 792], a4: [595, 842] };

async function readManifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(handoutsDir, 'manifest.json'), 'utf8')) as Manifest;
}

function entriesOf(manifest: Manifest, kind: ManifestEntry['kind']): ManifestEntry[] {
  return manifest.handouts.filter((entry) => entry.kind === kind);
}

/** The first real paragraph of a built page's content, as the PDF should show it. */
async function firstParagraph(path: string, base: string): Promise<string> {
  const html = await readFile(join(siteDir, path.slice(base.length), 'index.html'), 'utf8');
  const content = html.slice(html.indexOf('sl-markdown-content'));
  const paragraphs = [...content.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)]
    .map((match) => (match[1] ?? '').replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, ' '))
    .filter(
      (text) =>
        !/checked by a clinician|changed since its last review|due for a new check|Talk with your care team|Last reviewed by|Reviewed by|profesional de salud|equipo de atención|Última revisión|Revisado por|cambió después/i.test(
          text,
        ) && text.split(/\s+/).length >= 8,
    );
  return paragraphs[0] ?? '';
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('handout PDFs', () => {
  it('exist for every page on both paper sizes, in standard and large print, with a manifest that matches the files', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    for (const kind of ['standard', 'large-print'] as const) {
      for (const paper of ['letter', 'a4'] as const) {
        const slugs = entriesOf(manifest, kind)
          .filter((entry) => entry.paper === paper)
          .map((entry) => entry.slug);
        expect(slugs, `${kind} ${paper}`).toEqual(index.pages.map((page) => page.slug));
      }
    }
    for (const entry of manifest.handouts) {
      const bytes = await readFile(join(handoutsDir, entry.file));
      expect(bytes.length, entry.file).toBe(entry.bytes);
      expect(sha256(bytes), entry.file).toBe(entry.sha256);
      expect(bytes.subarray(0, 5).toString(), entry.file).toBe('%PDF-');
      expect(entry.url, entry.file).toMatch(/^https?:\/\//);
    }
  });

  it("contain their page's title and body text", async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    for (const page of index.pages) {
      const entry = entriesOf(manifest, 'standard').find(
        (candidate) => candidate.slug === page.slug && candidate.paper === 'letter',
      );
      expect(entry, page.slug).toBeDefined();
      const pdf = await readPdf(join(handoutsDir, entry!.file));
      expect(pdf.pages, page.slug).toBe(entry!.pages);
      const text = normalizeWords(pdf.text);
      expect(text, page.slug).toContain(normalizeWords(page.title));
      const paragraph = normalizeWords(await firstParagraph(page.path, index.base))
        .split(' ')
        .slice(0, 8)
        .join(' ');
      expect(paragraph.length, `${page.slug} has a paragraph to look for`).toBeGreaterThan(20);
      expect(text, page.slug).toContain(paragraph);
    }
  });

  it('have the page size of their paper, and body text of 12 pt (18 pt in large print)', async () => {
    const manifest = await readManifest();
    const sample = manifest.handouts.filter(
      (entry) => entry.slug === 'what-a-session-is-like' || entry.kind === 'booklet',
    );
    expect(sample.length).toBeGreaterThanOrEqual(4);
    for (const entry of sample) {
      const pdf = await readPdfPages(join(handoutsDir, entry.file));
      expect(pdf.sizes.length, entry.file).toBe(entry.pages);
      const [width, height] = PAPER_POINTS[entry.paper] as [number, number];
      // Within a point: Chromium rounds A4's 595.28 pt to whole device pixels.
      for (const [w, h] of pdf.sizes) {
        expect(Math.abs(w - width), `${entry.file} width ${w}`).toBeLessThanOrEqual(1);
        expect(Math.abs(h - height), `${entry.file} height ${h}`).toBeLessThanOrEqual(1);
      }
      if (entry.kind === 'large-print') expect(pdf.bodyFontSize, entry.file).toBeGreaterThanOrEqual(18);
      else expect(pdf.bodyFontSize, entry.file).toBeGreaterThanOrEqual(12);
    }
  });

  it('embed only the bundled font (no Type 3, no system fallback), are tagged, and carry title, author and language', async () => {
    const manifest = await readManifest();
    const index = await readHandoutIndex(siteDir);
    for (const entry of manifest.handouts.filter((e) => e.paper === 'letter')) {
      const file = join(handoutsDir, entry.file);
      const fonts = await pdfFonts(file);
      expect(fonts.length, entry.file).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.type, `${entry.file}: ${font.name}`).not.toMatch(/Type 3/);
        expect(font.embedded, `${entry.file}: ${font.name}`).toBe(true);
        expect(font.name, entry.file).toMatch(/AtkinsonHyperlegible/);
      }
      const info = await pdfInfo(file);
      expect(info.Tagged, entry.file).toBe('yes');
      expect(info.Title, entry.file).toContain(entry.title);
      expect(info.Author, entry.file).toBe(clinic.name);
      expect(info.Subject?.length, entry.file).toBeGreaterThan(0);
      expect(info.Keywords?.length, entry.file).toBeGreaterThan(0);
      const lang =
        index.pages.find((page) => page.slug === entry.slug)?.lang ??
        (entry.kind === 'packet' || entry.kind === 'large-print-packet'
          ? packetLanguage(entry.slug)
          : entry.slug === 'booklet'
            ? 'en'
            : entry.slug.split('-')[0]);
      expect(await pdfLanguage(file), entry.file).toBe(lang);
    }
  });

  it('print the clinic phone, the crisis and emergency lines, the review line or notice and "Page 1 of" on every handout', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    const english = index.pages.filter((page) => page.lang === 'en');
    for (const page of english) {
      const entry = entriesOf(manifest, 'standard').find((e) => e.slug === page.slug && e.paper === 'a4');
      const pdf = await readPdfPages(join(handoutsDir, entry!.file));
      const text = pdf.texts.join('\n').replace(/\s+/g, ' ');
      expect(text, page.slug).toContain(clinic.phone);
      expect(text, page.slug).toContain(clinic.crisisLine);
      expect(text, page.slug).toContain(clinic.emergencyNumber);
      expect(text, page.slug).toContain(clinic.name);
      expect(text, page.slug).toContain(page.review.line);
      expect(pdf.texts[0]?.replace(/\s+/g, ' '), page.slug).toContain(`Page 1 of ${pdf.sizes.length}`);
    }
  });

  it('carry a QR code that opens the same page online', async () => {
    const manifest = await readManifest();
    const entries = entriesOf(manifest, 'standard').filter(
      (e) => e.paper === 'letter' && ['glossary', 'start-here'].includes(e.slug),
    );
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(await decodeQrCodes(join(handoutsDir, entry.file)), entry.file).toContain(entry.url);
    }
  });

  it('show the address of external links in print, and point internal links at the public site', async () => {
    const manifest = await readManifest();
    const entry = entriesOf(manifest, 'standard').find((e) => e.slug === 'start-here' && e.paper === 'letter')!;
    const raw = (await readFile(join(handoutsDir, entry.file))).toString('latin1');
    expect(raw).not.toMatch(/127\.0\.0\.1|localhost/);
    const text = (await readPdfPages(join(handoutsDir, entry.file))).texts.join(' ');
    expect(text).toMatch(/\(https:\/\/[^\s)]+/);
  });
});

describe('the booklet', () => {
  it('lists every handout in its bookmarks, with their sections, and its contents page numbers match where each starts', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    const booklets = entriesOf(manifest, 'booklet');
    expect(booklets.map((b) => b.file)).toEqual(expect.arrayContaining(['booklet-letter.pdf', 'booklet-a4.pdf']));
    for (const booklet of booklets) {
      const lang = booklet.slug === 'booklet' ? 'en' : booklet.slug.replace(/-booklet$/, '');
      const pages = index.pages.filter((page) => page.lang === lang);
      const pdf = await readPdfPages(join(handoutsDir, booklet.file));
      expect(pdf.sizes.length, booklet.file).toBe(booklet.pages);
      const contents = (pdf.texts[1] ?? '').replace(/\s+/g, ' ');
      let previous = 2;
      for (const page of pages) {
        const bookmark = pdf.outline.find((item) => item.title === page.title);
        expect(bookmark, `${booklet.file}: bookmark for ${page.title}`).toBeDefined();
        expect(bookmark!.children.length, `${booklet.file}: sections of ${page.title}`).toBeGreaterThan(0);
        expect(bookmark!.page, `${booklet.file}: ${page.title}`).toBeGreaterThan(previous);
        previous = bookmark!.page;
        // The contents line reads "<title> <page>"; the handout's own first page shows its title.
        expect(contents, `${booklet.file}: contents entry for ${page.title}`).toContain(
          `${page.title} ${bookmark!.page}`,
        );
        expect(
          pdf.texts[bookmark!.page - 1]?.replace(/\s+/g, ' '),
          `${booklet.file}: page ${bookmark!.page}`,
        ).toContain(page.title);
      }
      // No blank page at the end: the last page has the last handout's text.
      expect((pdf.texts.at(-1) ?? '').replace(/\s+/g, ' ').trim().length, booklet.file).toBeGreaterThan(200);
    }
  });
});

describe('rebuilding', () => {
  it('gives byte-identical PDFs from the same built site', async () => {
    const out = await mkdtemp(join(tmpdir(), 'handouts-again-'));
    try {
      const again = await runCommand('node', [
        'scripts/pdf.ts',
        '--site',
        siteDir,
        '--out',
        out,
        '--only',
        'glossary',
        '--paper',
        'letter',
        // English only: the two files compared below; the Spanish booklet would double the work.
        '--lang',
        'en',
        '--large-print',
        '--booklet',
        '--force',
      ]);
      expect(again.code, again.stderr).toBe(0);
      const files = ['large-print/letter/glossary.pdf', 'booklet-letter.pdf'];
      for (const file of files) {
        expect(sha256(await readFile(join(out, file))), file).toBe(sha256(await readFile(join(handoutsDir, file))));
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('keeps unchanged PDFs without opening a browser', async () => {
    const result = await runCommand('node', ['scripts/pdf.ts', '--site', siteDir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/rendered 0 PDFs/);
    expect(result.stdout).not.toMatch(/Rendering/);
  });
});

describe('the site', () => {
  it('links each page to its PDFs and lists every handout, with paper, pages and size, on the Handouts page', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    const page = index.pages.find((p) => p.slug === 'glossary')!;
    const html = await readFile(join(siteDir, page.path.slice(index.base.length), 'index.html'), 'utf8');
    expect(html).toContain(`href="${index.base}handouts/letter/glossary.pdf"`);
    expect(html).toContain('Print this page');
    const listing = await readFile(join(siteDir, 'printable-handouts', 'index.html'), 'utf8');
    // Each edition's Handouts page lists its own PDFs: English ones here, "es-" ones under /es/.
    for (const entry of manifest.handouts) {
      const edition =
        index.pages.find((p) => p.slug === entry.slug)?.lang ??
        (entry.kind === 'packet' || entry.kind === 'large-print-packet'
          ? packetLanguage(entry.slug)
          : entry.slug === 'booklet'
            ? 'en'
            : entry.slug.split('-')[0]);
      const page =
        edition === 'en'
          ? listing
          : await readFile(join(siteDir, `${edition}`, 'printable-handouts', 'index.html'), 'utf8');
      expect(page, entry.file).toContain(`href="${index.base}handouts/${entry.file}"`);
    }
    const pagesLabel = (n: number): string => `${n} page${n === 1 ? '' : 's'}`;
    const booklet = entriesOf(manifest, 'booklet').find((b) => b.paper === 'letter')!;
    expect(listing).toContain(pagesLabel(booklet.pages));
    expect(listing).toMatch(/US Letter/);
    expect(listing).toMatch(/\d+ KB/);
    // The Spanish Handouts page speaks Spanish, from the same dictionary as the rest of the site.
    if (!builds(clinic, 'es')) return;
    const spanish = await readFile(join(siteDir, 'es', 'printable-handouts', 'index.html'), 'utf8');
    const spanishTable = spanish.slice(spanish.indexOf('<table'), spanish.indexOf('</table>'));
    expect(spanishTable).toMatch(/\d+ páginas/);
    expect(spanishTable).toContain('Carta (EE. UU.)');
    expect(spanishTable).not.toMatch(/\d+ pages|Large print|Handout</);
  });

  it('keeps the offline copy of the Handouts pages current after filling in their tables', async () => {
    const worker = await readFile(join(siteDir, 'sw.js'), 'utf8');
    for (const page of editionsOf(clinic).map((edition) => `${edition.prefix.slice(1)}printable-handouts/index.html`)) {
      const html = await readFile(join(siteDir, page));
      const listed = new RegExp(
        `url:"${page.replaceAll('/', '\\/').replaceAll('.', '\\.')}",revision:"([0-9a-f]+)"`,
      ).exec(worker)?.[1];
      expect(listed, `${page} is precached`).toBeDefined();
      // Workbox's revision is the MD5 of the file it precaches.
      expect(listed, page).toBe(createHash('md5').update(html).digest('hex'));
    }
  });

  it('leaves no temporary or staging files behind', async () => {
    const names = await readdir(handoutsDir, { recursive: true });
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const siblings = await readdir(siteDir);
    expect(siblings.filter((name) => name.includes('.staging-') || name.includes('.old-'))).toEqual([]);
  });
});
