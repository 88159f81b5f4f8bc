/**
 * Adds what PDF/UA-1 asks for and Chromium's tagged output lacks (see the
 * Matterhorn conditions in tests/support/pdfua-check.ts):
 * - XMP metadata with the title, language, dates and the PDF/UA identifier (06-001..003);
 * - the running header and footer, and the page background, marked as artifacts (01-005);
 * - a role map for the PDF 2.0 structure types Chromium writes into a PDF 1.7 file (02-001);
 * - an LBody in every list item, around everything but its label (09-005);
 * - a figure that holds text (a list, paragraphs) tagged as a Div, so its text is read, not replaced by its Alt;
 * - a description (/Contents) on every link annotation (28-012), and /Tabs /S on its page (28-008).
 * The title shown in the viewer (07-001) and the document language (11-00x) are set in metadata.ts.
 * Everything here is derived from the document and its inputs, never from time or chance.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFHeader,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { deflateSync, inflateSync } from 'node:zlib';
import { markArtifacts } from './content-stream.ts';
import { escapeHtml } from './html.ts';

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  producer: string;
  /** The page's last clinical review; a page never reviewed has no date, rather than the build's time. */
  date: Date | undefined;
}

/** PDF 2.0 (and HTML-derived) structure types Chromium writes, mapped to their nearest PDF 1.7 standard type. */
export const ROLE_MAP: Record<string, string> = {
  Aside: 'Sect',
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Div',
  Artifact: 'Span',
};

const name = (value: string): PDFName => PDFName.of(value);

/** The XMP packet: same fields as the document information dictionary, plus the PDF/UA-1 identifier. */
export function xmpPacket(fields: XmpFields): string {
  const date = fields.date?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = escapeHtml;
  const dates = date
    ? [
        `<xmp:CreateDate>${date}</xmp:CreateDate>`,
        `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
        `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
      ]
    : [];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text(fields.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${text(fields.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text(fields.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${text(fields.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${text(fields.keywords.join(', '))}</pdf:Keywords>`,
    `<pdf:Producer>${text(fields.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${text(fields.author)}</xmp:CreatorTool>`,
    ...dates,
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

function setXmp(doc: PDFDocument, fields: XmpFields): void {
  // Uncompressed, as XMP is meant to be findable by tools that do not parse PDF.
  const stream = doc.context.stream(new TextEncoder().encode(xmpPacket(fields)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(name('Metadata'), doc.context.register(stream));
}

function pageContent(doc: PDFDocument, page: PDFDict): Uint8Array {
  const contents = page.lookup(name('Contents'));
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((item) => doc.context.lookup(item)) : [contents];
  const parts = streams.map((stream) => {
    if (!(stream instanceof PDFRawStream)) throw new Error('a page has content that is not a stream');
    // Node's own zlib, not pdf-lib's JavaScript one: a booklet has megabytes of page content.
    if (stream.dict.get(name('Filter')) === name('FlateDecode') && !stream.dict.has(name('DecodeParms')))
      return new Uint8Array(inflateSync(stream.contents));
    return decodePDFRawStream(stream).decode();
  });
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = 0x0a;
    offset += part.length + 1;
  }
  return joined;
}

/** Marks untagged content as artifacts on every page; `coverPages` (0-based) lose their running header and footer. */
function markPageArtifacts(doc: PDFDocument, coverPages: number[]): void {
  doc.getPages().forEach((page, index) => {
    const old = page.node.get(name('Contents'));
    const { bytes } = markArtifacts(pageContent(doc, page.node), { dropRunningText: coverPages.includes(index) });
    // Compressed with Node's zlib: pdf-lib's own (pako) took about as long as everything else in finishing a booklet.
    const stream = doc.context.stream(deflateSync(bytes), { Filter: 'FlateDecode' });
    page.node.set(name('Contents'), doc.context.register(stream));
    // pdf-lib writes every object it holds, referenced or not: drop the old streams.
    const array = old instanceof PDFRef ? doc.context.lookup(old) : old;
    if (array instanceof PDFArray)
      for (const item of array.asArray()) if (item instanceof PDFRef) doc.context.delete(item);
    if (old instanceof PDFRef) doc.context.delete(old);
  });
}

function structElems(doc: PDFDocument): Array<[PDFRef, PDFDict]> {
  const found: Array<[PDFRef, PDFDict]> = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(name('Type')) === name('StructElem')) found.push([ref, object]);
  }
  return found.sort((a, b) => a[0].objectNumber - b[0].objectNumber);
}

function addRoleMap(doc: PDFDocument, elements: Array<[PDFRef, PDFDict]>): void {
  const root = doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (!root) return;
  const used = new Set(
    elements
      .map(([, dict]) => dict.get(name('S')))
      .filter((s): s is PDFName => s instanceof PDFName)
      .map((s) => s.decodeText()),
  );
  const map = root.lookupMaybe(name('RoleMap'), PDFDict) ?? doc.context.obj({});
  for (const [type, standard] of Object.entries(ROLE_MAP)) if (used.has(type)) map.set(name(type), name(standard));
  if (map.keys().length > 0) root.set(name('RoleMap'), map);
}

/** The number tree /ParentTree as a map from key to its value (an array of elements, or one element). */
function parentTreeEntries(doc: PDFDocument): Map<number, PDFObject> {
  const entries = new Map<number, PDFObject>();
  const walk = (node: PDFDict | undefined): void => {
    if (!node) return;
    const nums = node.lookupMaybe(name('Nums'), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      if (key instanceof PDFNumber) entries.set(key.asNumber(), nums.get(i + 1));
    }
    for (const kid of node.lookupMaybe(name('Kids'), PDFArray)?.asArray() ?? [])
      walk(doc.context.lookupMaybe(kid, PDFDict));
  };
  walk(doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)?.lookupMaybe(name('ParentTree'), PDFDict));
  return entries;
}

/** Gives every list item an LBody holding everything except its label (Chromium puts the content straight into LI). */
function addListBodies(doc: PDFDocument, elements: Array<[PDFRef, PDFDict]>): void {
  let parentTree: Map<number, PDFObject> | undefined;
  const repoint = (kid: PDFObject, item: PDFDict, from: PDFRef, to: PDFRef): void => {
    parentTree ??= parentTreeEntries(doc);
    const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    if (dict instanceof PDFDict && dict.get(name('Type')) === name('StructElem')) {
      dict.set(name('P'), to);
      return;
    }
    // Marked content (an MCID, or a marked-content reference) or an annotation: its parent is found through the ParentTree.
    let key: number | undefined;
    let mcid: number | undefined;
    if (kid instanceof PDFNumber || (dict instanceof PDFDict && dict.get(name('Type')) === name('MCR'))) {
      mcid =
        kid instanceof PDFNumber ? kid.asNumber() : (dict as PDFDict).lookupMaybe(name('MCID'), PDFNumber)?.asNumber();
      const page =
        (dict instanceof PDFDict ? dict.lookupMaybe(name('Pg'), PDFDict) : undefined) ??
        item.lookupMaybe(name('Pg'), PDFDict);
      key = page?.lookupMaybe(name('StructParents'), PDFNumber)?.asNumber();
    } else if (dict instanceof PDFDict && dict.get(name('Type')) === name('OBJR')) {
      key = dict.lookupMaybe(name('Obj'), PDFDict)?.lookupMaybe(name('StructParent'), PDFNumber)?.asNumber();
    }
    const value = key === undefined ? undefined : parentTree.get(key);
    const array = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (array instanceof PDFArray && mcid !== undefined && array.get(mcid) === from) array.set(mcid, to);
    else if (value === from && key !== undefined) parentTree.set(key, to);
  };
  for (const [ref, item] of elements) {
    if (item.get(name('S')) !== name('LI')) continue;
    const kids = item.get(name('K'));
    const list = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
    const isLabel = (kid: PDFObject): boolean => {
      const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : undefined;
      return dict instanceof PDFDict && (dict.get(name('S')) === name('Lbl') || dict.get(name('S')) === name('LBody'));
    };
    const body = list.filter((kid) => !isLabel(kid));
    if (body.length === 0) continue;
    const bodyDict = doc.context.obj({ Type: 'StructElem', S: 'LBody', P: ref, K: body });
    const pg = item.get(name('Pg'));
    if (pg) bodyDict.set(name('Pg'), pg);
    const bodyRef = doc.context.register(bodyDict);
    for (const kid of body) repoint(kid, item, ref, bodyRef);
    item.set(name('K'), doc.context.obj([...list.filter(isLabel), bodyRef]));
  }
  if (parentTree) writeParentTreeNumbers(doc, parentTree);
}

/** Writes back single-element ParentTree values that were repointed (arrays were edited in place). */
function writeParentTreeNumbers(doc: PDFDocument, entries: Map<number, PDFObject>): void {
  const walk = (node: PDFDict | undefined): void => {
    if (!node) return;
    const nums = node.lookupMaybe(name('Nums'), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      const value = key instanceof PDFNumber ? entries.get(key.asNumber()) : undefined;
      if (value !== undefined && value !== nums.get(i + 1)) nums.set(i + 1, value);
    }
    for (const kid of node.lookupMaybe(name('Kids'), PDFArray)?.asArray() ?? [])
      walk(doc.context.lookupMaybe(kid, PDFDict));
  };
  walk(doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)?.lookupMaybe(name('ParentTree'), PDFDict));
}

/** What a link annotation says it does, for a screen reader: its address (a phone link: the number). */
export function linkDescription(uri: string): string {
  if (uri.startsWith('tel:')) return uri.slice('tel:'.length);
  if (uri.startsWith('mailto:')) return uri.slice('mailto:'.length);
  return uri;
}

function describeLinks(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    if (!annots || annots.size() === 0) continue;
    page.node.set(name('Tabs'), name('S'));
    for (const item of annots.asArray()) {
      const annot = doc.context.lookupMaybe(item, PDFDict);
      if (!annot || annot.get(name('Subtype')) !== name('Link') || annot.has(name('Contents'))) continue;
      const uri = annot.lookupMaybe(name('A'), PDFDict)?.lookupMaybe(name('URI'), PDFString)?.decodeText();
      annot.set(name('Contents'), PDFString.of(uri ? linkDescription(uri) : 'Link within this document'));
    }
  }
}

/** Structure types that make a figure a group of text rather than a picture. */
const TEXT_GROUP_KIDS = new Set(['L', 'P', 'Table', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Chromium tags every HTML <figure> as a Figure, whose alternate text replaces its content for a
 * screen reader. A figure holding a list or paragraphs (the session timeline) is a group of text:
 * tag it Div, so its steps are read, not just its caption.
 */
function retagTextFigures(doc: PDFDocument, elements: Array<[PDFRef, PDFDict]>): void {
  for (const [, figure] of elements) {
    if (figure.get(name('S')) !== name('Figure')) continue;
    const kids = figure.get(name('K'));
    const list = kids instanceof PDFArray ? kids.asArray() : [kids];
    const holdsText = list.some((kid) => {
      const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : undefined;
      const type = dict instanceof PDFDict ? dict.lookupMaybe(name('S'), PDFName)?.decodeText() : undefined;
      return type !== undefined && TEXT_GROUP_KIDS.has(type);
    });
    if (!holdsText) continue;
    figure.set(name('S'), name('Div'));
    figure.delete(name('Alt'));
  }
}

export interface PdfUaOptions extends XmpFields {
  /** 0-based pages printed without the running header and footer (a cover). */
  coverPages?: number[];
}

/** Makes a Chromium-tagged PDF meet the machine-checkable parts of PDF/UA-1 (see the module comment). */
export function applyPdfUa(doc: PDFDocument, options: PdfUaOptions): void {
  // PDF/UA-1 is defined on PDF 1.7 (ISO 32000-1).
  doc.context.header = PDFHeader.forVersion(1, 7);
  setXmp(doc, options);
  markPageArtifacts(doc, options.coverPages ?? []);
  const elements = structElems(doc);
  addRoleMap(doc, elements);
  addListBodies(doc, elements);
  retagTextFigures(doc, elements);
  describeLinks(doc);
}
