import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ContentStreamError, markArtifacts, readOperators } from '../../src/handouts/content-stream.ts';
import { applyPdfUa, linkDescription, xmpPacket } from '../../src/handouts/pdfua.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

// Shaped like Chromium's pages: background, tagged body, then the header and footer, with a marked-content
// sequence that closes only after a Q (Skia closes them lazily).
const PAGE = [
  'q 1 1 1 rg 0 0 612 792 re f Q',
  'q /P <</MCID 0 >>BDC BT /F1 12 Tf (Hello \\(world\\)) Tj ET Q q',
  'EMC',
  '0 0 0 rg 10 10 100 1 re f',
  'BT /F1 10 Tf <0041> Tj ET Q',
].join('\n');

const FIELDS = {
  title: 'Care & "safety" <notes>',
  author: 'Clinic',
  subject: 'S',
  keywords: ['a', 'b'],
  language: 'es',
  producer: 'P',
  date: new Date('2026-11-20T00:00:00Z'),
};

describe('marking untagged content as artifacts', () => {
  it('reads operators past strings with escaped parentheses, hex strings and inline dictionaries', () => {
    expect(readOperators(encode(PAGE)).map((op) => op.name)).toEqual([
      'q',
      'rg',
      're',
      'f',
      'Q',
      'q',
      'BDC',
      'BT',
      'Tf',
      'Tj',
      'ET',
      'Q',
      'q',
      'EMC',
      'rg',
      're',
      'f',
      'BT',
      'Tf',
      'Tj',
      'ET',
      'Q',
    ]);
  });

  it('wraps the background in an artifact and the header and footer in a pagination artifact, leaving tagged content alone', () => {
    const { bytes, artifacts } = markArtifacts(encode(PAGE));
    const out = decode(bytes);
    expect(artifacts).toBe(2);
    expect(out.startsWith('/Artifact BMC\nq 1 1 1 rg 0 0 612 792 re f Q\nq\nEMC')).toBe(true);
    expect(out).toContain(
      'EMC\n/Artifact <</Type /Pagination>> BDC\n0 0 0 rg 10 10 100 1 re f\nBT /F1 10 Tf <0041> Tj ET Q\nEMC',
    );
    expect(out).toContain('/P <</MCID 0 >>BDC BT /F1 12 Tf (Hello \\(world\\)) Tj ET Q q');
  });

  it('drops the header and footer from a cover page but keeps the graphics state balanced', () => {
    const out = decode(markArtifacts(encode(PAGE), { dropRunningText: true }).bytes);
    expect(out).not.toContain('<0041>');
    expect(out).not.toContain('100 1 re');
    expect(out.trimEnd().endsWith('EMC\nQ')).toBe(true);
    expect(out).toContain('Hello');
  });

  it('refuses content it cannot mark safely, naming the problem', () => {
    expect(() => markArtifacts(encode('EMC 0 0 1 1 re f'))).toThrow(ContentStreamError);
    expect(() => markArtifacts(encode('BT (a) Tj /P <</MCID 0>> BDC (b) Tj EMC ET'))).toThrow(/text object/);
    expect(() => markArtifacts(encode('BI /W 1 /H 1 ID x EI'))).toThrow(/inline image/);
  });

  it('leaves a stream with nothing untagged unchanged', () => {
    const tagged = '/P <</MCID 0>> BDC BT (a) Tj ET EMC';
    expect(decode(markArtifacts(encode(tagged)).bytes)).toBe(tagged);
  });
});

describe('PDF/UA metadata', () => {
  it('writes escaped XMP with title, language, dates from the inputs and the PDF/UA identifier', () => {
    const xmp = xmpPacket(FIELDS);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Care &amp; &quot;safety&quot; &lt;notes&gt;</rdf:li>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>es</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-20T00:00:00Z</xmp:CreateDate>');
    expect(xmpPacket(FIELDS)).toBe(xmp);
  });

  it('describes links by their address, phone links by their number', () => {
    expect(linkDescription('tel:+1-555-010-0142')).toBe('+1-555-010-0142');
    expect(linkDescription('https://example.org/a/')).toBe('https://example.org/a/');
  });

  it('gives every list item an LBody and maps PDF 2.0 types to standard ones', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.node.set(
      PDFName.of('Contents'),
      doc.context.register(doc.context.flateStream(encode('/P <</MCID 0>> BDC BT ET EMC'))),
    );
    const ctx = doc.context;
    const item = ctx.register(ctx.obj({}));
    const label = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Lbl', P: item }));
    const strong = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Strong', P: item }));
    const list = ctx.register(ctx.obj({ Type: 'StructElem', S: 'L', K: [item] }));
    ctx.assign(item, ctx.obj({ Type: 'StructElem', S: 'LI', P: list, K: [label, strong] }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: list })));
    applyPdfUa(doc, FIELDS);
    const kids = String(ctx.lookup(item));
    expect(kids).toContain(label.toString());
    expect(kids).not.toContain(strong.toString());
    const body = String(ctx.lookup(strong));
    expect(body).not.toContain(`/P ${item.toString()}`);
    expect(String(doc.catalog.lookup(PDFName.of('StructTreeRoot')))).toMatch(/\/Strong \/Span/);
    expect(doc.catalog.lookup(PDFName.of('Metadata'))).toBeDefined();
  });

  it('retags a figure that holds a list as a Div, and keeps a picture a Figure with its Alt', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.node.set(
      PDFName.of('Contents'),
      doc.context.register(doc.context.flateStream(encode('/P <</MCID 0>> BDC BT ET EMC'))),
    );
    const ctx = doc.context;
    const list = ctx.register(ctx.obj({ Type: 'StructElem', S: 'L' }));
    const timeline = ctx.register(
      ctx.obj({ Type: 'StructElem', S: 'Figure', Alt: PDFString.of('Your day'), K: [list] }),
    );
    const logo = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Figure', Alt: PDFString.of('Logo'), K: 0 }));
    doc.catalog.set(
      PDFName.of('StructTreeRoot'),
      ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: [timeline, logo] })),
    );
    applyPdfUa(doc, FIELDS);
    expect(String(ctx.lookup(timeline))).toMatch(/\/S \/Div/);
    expect(String(ctx.lookup(timeline))).not.toContain('/Alt');
    expect(String(ctx.lookup(logo))).toMatch(/\/S \/Figure/);
    expect(String(ctx.lookup(logo))).toContain('/Alt (Logo)');
  });
});
