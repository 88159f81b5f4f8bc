/**
 * Accessible PDFs: every built PDF passes the machine-checkable Matterhorn
 * conditions in tests/support/pdfua-check.ts, and the checker itself fails on
 * a PDF that lacks what it looks for.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, rgb } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import type { Manifest } from '../../src/handouts/manifest.ts';
import { packetLanguage } from '../../src/lib/handout-files.ts';
import { checkPdfUa, CHECKED_CONDITIONS } from '../support/pdfua-check.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('siteDir');
const handoutsDir = join(siteDir, 'handouts');

async function readManifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(handoutsDir, 'manifest.json'), 'utf8')) as Manifest;
}

describe('PDF/UA', () => {
  it(
    `every PDF passes the ${Object.keys(CHECKED_CONDITIONS).length} machine-checked Matterhorn conditions`,
    async () => {
      const manifest = await readManifest();
      expect(manifest.handouts.length).toBeGreaterThan(100);
      const failures: string[] = [];
      for (const entry of manifest.handouts) {
        for (const failure of await checkPdfUa(join(handoutsDir, entry.file)))
          failures.push(`${entry.file}: ${failure.condition} ${failure.message}`);
      }
      expect(failures.slice(0, 40)).toEqual([]);
    },
    15 * 60_000,
  );

  it('carries XMP with the title, the language and the PDF/UA identifier, dated from the review date', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    for (const entry of manifest.handouts.filter((e) => e.paper === 'a4')) {
      const doc = await PDFDocument.load(await readFile(join(handoutsDir, entry.file)), { updateMetadata: false });
      const stream = doc.catalog.lookup(PDFName.of('Metadata'));
      expect(stream, entry.file).toBeInstanceOf(PDFRawStream);
      const xml = new TextDecoder().decode(decodePDFRawStream(stream as PDFRawStream).decode());
      const page = index.pages.find((p) => p.slug === entry.slug);
      const lang =
        page?.lang ??
        (entry.kind === 'packet' || entry.kind === 'large-print-packet'
          ? packetLanguage(entry.slug)
          : entry.slug === 'booklet'
            ? 'en'
            : entry.slug.split('-')[0]);
      expect(xml, entry.file).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(xml, entry.file).toContain(`<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`);
      const title = /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</
        .exec(xml)?.[1]
        ?.replaceAll('&amp;', '&')
        .replaceAll('&#39;', "'");
      expect(title, entry.file).toContain(entry.title);
      // Dated with the page's last review; a page never reviewed has no date at all.
      if (page?.review.date)
        expect(xml, entry.file).toContain(`<xmp:ModifyDate>${page.review.date}T00:00:00Z</xmp:ModifyDate>`);
      else if (page) expect(xml, entry.file).not.toContain('<xmp:ModifyDate>');
      expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'))?.toString(), entry.file).toMatch(
        /\/DisplayDocTitle true/,
      );
    }
  });

  it('marks the running header and footer as pagination artifacts, so they are not read aloud on every page', async () => {
    const file = join(handoutsDir, 'letter/what-a-session-is-like.pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
    try {
      for (let number = 1; number <= pdf.numPages; number++) {
        const content = await (await pdf.getPage(number)).getTextContent({ includeMarkedContent: true });
        // Walk the marked-content nesting: text inside an /Artifact sequence is not read aloud.
        const open: string[] = [];
        let artifactText = '';
        let taggedText = '';
        for (const item of content.items) {
          if ('type' in item && (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent'))
            open.push((item as { tag?: string }).tag ?? '');
          else if ('type' in item && item.type === 'endMarkedContent') open.pop();
          else if ('str' in item) {
            if (open.includes('Artifact')) artifactText += `${item.str} `;
            else taggedText += `${item.str} `;
          }
        }
        artifactText = artifactText.replace(/\s+/g, ' ');
        taggedText = taggedText.replace(/\s+/g, ' ');
        expect(artifactText, `page ${number}`).toContain(`Page ${number} of ${pdf.numPages}`);
        expect(artifactText, `page ${number}`).toContain(clinic.name);
        expect(taggedText, `page ${number}`).not.toContain(`Page ${number} of`);
        expect(taggedText.length, `page ${number}`).toBeGreaterThan(100);
      }
    } finally {
      await pdf.loadingTask.destroy();
    }
  });

  it('tags the QR code and the booklet logo as figures with alternate text', async () => {
    const doc = await PDFDocument.load(await readFile(join(handoutsDir, 'booklet-letter.pdf')), {
      updateMetadata: false,
    });
    const alts: string[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('Figure'))
        alts.push(object.lookup(PDFName.of('Alt'))?.toString() ?? '');
    }
    expect(alts.join('\n')).toMatch(/logo/);
    expect(alts.filter((alt) => /QR code/.test(alt)).length).toBeGreaterThanOrEqual(10);
  });
});

describe('the PDF/UA checker', () => {
  it('fails a PDF that lacks XMP, the title setting, figure alt text, link descriptions and artifact marking', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pdfua-broken-'));
    try {
      const doc = await PDFDocument.load(await readFile(join(handoutsDir, 'letter/what-a-session-is-like.pdf')), {
        updateMetadata: false,
      });
      doc.catalog.delete(PDFName.of('Metadata'));
      doc.catalog.delete(PDFName.of('ViewerPreferences'));
      doc.catalog.delete(PDFName.of('Lang'));
      for (const [, object] of doc.context.enumerateIndirectObjects()) {
        if (object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('Figure'))
          object.delete(PDFName.of('Alt'));
        if (object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('Link'))
          object.delete(PDFName.of('Contents'));
        if (
          object instanceof PDFDict &&
          object.get(PDFName.of('Type')) === PDFName.of('Page') &&
          object.lookup(PDFName.of('Annots')) instanceof PDFArray
        )
          object.delete(PDFName.of('Tabs'));
      }
      // Untagged, unmarked drawing, as Chromium writes its header and footer.
      doc.getPage(0).drawRectangle({ x: 10, y: 10, width: 50, height: 5, color: rgb(0, 0, 0) });
      const file = join(dir, 'broken.pdf');
      await writeFile(file, await doc.save());
      const found = new Set((await checkPdfUa(file)).map((failure) => failure.condition));
      expect([...found].sort()).toEqual(
        expect.arrayContaining(['01-005', '06-001', '07-001', '11-001', '13-004', '28-008', '28-012']),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
