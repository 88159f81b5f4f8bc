/**
 * A checker for the machine-checkable failure conditions of the Matterhorn
 * Protocol (PDF/UA-1) that pdf-lib and pdf.js can decide. It reads the file
 * back on its own and shares no code with the renderer that wrote it. The
 * conditions it does not check, and those only a person can judge, are listed
 * in the README ("Accessible PDFs").
 */
import { readFile } from 'node:fs/promises';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';

export interface Failure {
  /** Matterhorn failure condition, e.g. "13-004". */
  condition: string;
  message: string;
}

/** The conditions this checker decides, with the protocol's words (for the README and the test names). */
export const CHECKED_CONDITIONS: Record<string, string> = {
  '01-003': 'Content marked as Artifact is present inside tagged content.',
  '01-004': 'Tagged content is present inside content marked as Artifact.',
  '01-005': 'Content is neither marked as Artifact nor tagged as real content.',
  '01-007': 'Suspects entry has a value of true.',
  '02-001': "One or more non-standard tag's mapping does not terminate with a standard type.",
  '02-003': 'A circular mapping exists.',
  '02-004': 'One or more standard types are remapped.',
  '06-001': 'Document does not contain an XMP metadata stream.',
  '06-002': 'The XMP metadata stream in the Catalog dictionary does not include the PDF/UA identifier.',
  '06-003': 'XMP metadata stream does not contain dc:title.',
  '07-001': 'ViewerPreferences dictionary of the Catalog dictionary does not contain a DisplayDocTitle entry.',
  '07-002':
    'ViewerPreferences dictionary of the Catalog dictionary contains a DisplayDocTitle entry with a value of false.',
  '09-004': 'A table-related structure element is used in a way that does not conform to ISO 32000-1, Table 337.',
  '09-005': 'A list-related structure element is used in a way that does not conform to ISO 32000-1, Table 336.',
  '09-006': 'A TOC-related structure element is used in a way that does not conform to ISO 32000-1, Table 333.',
  '11-001': 'Natural language for text in page content cannot be determined.',
  '11-006': 'Natural language for document metadata cannot be determined.',
  '13-004': '<Figure> tag alternative or replacement text missing.',
  '14-002': 'Does use numbered headings, but the first heading tag is not <H1>.',
  '14-003': 'Numbered heading levels in descending sequence are skipped.',
  '14-006': 'A node contains more than one <H> tag.',
  '14-007': 'Document uses both <H> and <H#> tags.',
  '15-003': 'In a table not organized with Headers attributes and IDs, a <TH> cell does not contain a Scope attribute.',
  '17-002': '<Formula> tag is missing an Alt attribute.',
  '19-003': 'ID entry of the <Note> tag is not present.',
  '19-004': 'ID entry of the <Note> tag is non-unique.',
  '20-001': 'Name entry is missing or empty in an Optional Content Configuration Dictionary in the Configs array.',
  '20-002': 'Name entry is missing or empty in the default Optional Content Configuration Dictionary.',
  '20-003': 'An AS entry appears in an Optional Content Configuration Dictionary.',
  '21-001': 'The file specification dictionary for an embedded file does not contain F and UF entries.',
  '26-001': 'The file is encrypted but does not contain a P entry in its encryption dictionary.',
  '26-002': 'The file is encrypted and does contain a P entry but the 10th bit position of the P entry is false.',
  '28-002':
    'An annotation, other than of subtype Widget, Link and PrinterMark, is not a direct child of an <Annot> structure element.',
  '28-004':
    'An annotation, other than of subtype Widget, has neither a Contents entry nor an Alt entry on the enclosing structure element.',
  '28-007': 'An annotation of subtype TrapNet exists.',
  '28-008': 'A page containing an annotation does not contain a Tabs entry.',
  '28-009': 'A page containing an annotation has a Tabs entry with a value other than S.',
  '28-011': 'A link annotation is not nested within a <Link> tag.',
  '28-012': 'A link annotation does not include an alternate description in its Contents entry.',
  '30-001': 'A reference XObject is present.',
  '31-009': 'For a font used by text intended to be rendered the font program is not embedded.',
  '31-027': 'A font dictionary has no ToUnicode entry (and no other mechanism gives Unicode values).',
  'UA1:7.1': 'The document is not marked as tagged (MarkInfo /Marked true) or has no structure tree.',
};

/** Structure types of ISO 32000-1 (14.8.4): the standard types. */
const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

const N = (value: string): PDFName => PDFName.of(value);
const text = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

interface Element {
  ref: PDFRef;
  dict: PDFDict;
  type: string;
  /** Type after role mapping. */
  role: string;
  parent: Element | undefined;
  kids: Element[];
}

/** Checks one PDF; an empty list means it passed every condition in CHECKED_CONDITIONS. */
export async function checkPdfUa(file: string): Promise<Failure[]> {
  const bytes = new Uint8Array(await readFile(file));
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const failures: Failure[] = [];
  const fail = (condition: string, message: string): void => void failures.push({ condition, message });
  checkCatalog(doc, fail);
  const elements = readStructure(doc, fail);
  checkStructure(doc, elements, fail);
  checkAnnotations(doc, elements, fail);
  checkResources(doc, fail);
  await checkContent(bytes, fail);
  return failures;
}

type Fail = (condition: string, message: string) => void;

function checkCatalog(doc: PDFDocument, fail: Fail): void {
  const catalog = doc.catalog;
  const markInfo = catalog.lookupMaybe(N('MarkInfo'), PDFDict);
  if (markInfo?.lookupMaybe(N('Marked'), PDFBool)?.asBoolean() !== true || !catalog.has(N('StructTreeRoot')))
    fail('UA1:7.1', 'not tagged');
  if (markInfo?.lookupMaybe(N('Suspects'), PDFBool)?.asBoolean() === true) fail('01-007', 'MarkInfo /Suspects is true');

  const metadata = catalog.lookup(N('Metadata'));
  if (!(metadata instanceof PDFStream)) fail('06-001', 'the catalog has no /Metadata stream');
  else {
    const xml = new TextDecoder().decode(
      metadata instanceof PDFRawStream ? decodePDFRawStream(metadata).decode() : metadata.getContents(),
    );
    if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part=["']1["']/.test(xml))
      fail('06-002', 'XMP has no pdfuaid:part 1');
    const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]+)<\/rdf:li>/.exec(xml)?.[1]?.trim();
    if (!title) fail('06-003', 'XMP has no dc:title');
    if (!/<dc:language>[\s\S]*?<rdf:li[^>]*>\s*[A-Za-z]{2,3}(-[A-Za-z0-9]+)*\s*<\/rdf:li>/.test(xml))
      fail('11-006', 'XMP has no dc:language');
  }
  const display = catalog.lookupMaybe(N('ViewerPreferences'), PDFDict)?.lookup(N('DisplayDocTitle'));
  if (display === undefined) fail('07-001', 'no /ViewerPreferences /DisplayDocTitle');
  else if (!(display instanceof PDFBool) || !display.asBoolean()) fail('07-002', '/DisplayDocTitle is not true');
  const lang = text(catalog.lookup(N('Lang')));
  if (!lang || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang))
    fail('11-001', `the catalog /Lang is ${lang === undefined ? 'missing' : `"${lang}"`}`);

  const ocProperties = catalog.lookupMaybe(N('OCProperties'), PDFDict);
  if (ocProperties) {
    const configs =
      ocProperties
        .lookupMaybe(N('Configs'), PDFArray)
        ?.asArray()
        .map((c) => doc.context.lookupMaybe(c, PDFDict)) ?? [];
    for (const config of configs) {
      if (!text(config?.lookup(N('Name')))) fail('20-001', 'an optional content configuration has no Name');
      if (config?.has(N('AS'))) fail('20-003', 'an optional content configuration has an AS entry');
    }
    const main = ocProperties.lookupMaybe(N('D'), PDFDict);
    if (!text(main?.lookup(N('Name')))) fail('20-002', 'the default optional content configuration has no Name');
    if (main?.has(N('AS'))) fail('20-003', 'the default optional content configuration has an AS entry');
  }
  const encrypt = doc.context.trailerInfo.Encrypt;
  const encryption = encrypt ? doc.context.lookupMaybe(encrypt, PDFDict) : undefined;
  if (encryption) {
    const p = encryption.lookupMaybe(N('P'), PDFNumber);
    if (!p) fail('26-001', 'encrypted without a P entry');
    else if ((p.asNumber() & (1 << 9)) === 0) fail('26-002', 'encrypted and the P entry forbids assistive technology');
  }
}

/** The structure tree, with every element's standard role. */
function readStructure(doc: PDFDocument, fail: Fail): Element[] {
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  const roleMap = root?.lookupMaybe(N('RoleMap'), PDFDict);
  for (const [key, value] of roleMap?.entries() ?? []) {
    if (STANDARD_TYPES.has(key.decodeText()))
      fail('02-004', `the standard type ${key.decodeText()} is remapped to ${String(value)}`);
  }
  const resolveRole = (type: string): string => {
    const seen = new Set<string>();
    let current = type;
    while (!STANDARD_TYPES.has(current)) {
      if (seen.has(current)) {
        fail('02-003', `the role map is circular at ${current}`);
        return current;
      }
      seen.add(current);
      const next = roleMap?.lookupMaybe(N(current), PDFName)?.decodeText();
      if (!next) {
        fail('02-001', `the structure type ${type} is not standard and not mapped to a standard type`);
        return current;
      }
      current = next;
    }
    return current;
  };
  const elements: Element[] = [];
  const visit = (object: PDFObject | undefined, parent: Element | undefined): void => {
    const ref = object instanceof PDFRef ? object : undefined;
    const dict = ref ? doc.context.lookup(ref) : object;
    if (!(dict instanceof PDFDict) || !ref || dict.get(N('Type')) === N('OBJR') || dict.get(N('Type')) === N('MCR'))
      return;
    const type = dict.lookupMaybe(N('S'), PDFName)?.decodeText();
    if (!type) return;
    const element: Element = { ref, dict, type, role: resolveRole(type), parent, kids: [] };
    elements.push(element);
    parent?.kids.push(element);
    const kids = dict.get(N('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) visit(kid, element);
  };
  const top = root?.get(N('K'));
  for (const kid of top instanceof PDFArray ? top.asArray() : [top]) visit(kid, undefined);
  return elements;
}

const PARENTS: Record<string, string[]> = {
  TR: ['Table', 'THead', 'TBody', 'TFoot'],
  TH: ['TR'],
  TD: ['TR'],
  THead: ['Table'],
  TBody: ['Table'],
  TFoot: ['Table'],
  LI: ['L'],
  Lbl: ['LI', 'BibEntry', 'Note', 'Reference', 'TOCI'],
  LBody: ['LI'],
  TOCI: ['TOC'],
};
const CONDITION_OF: Record<string, string> = {
  TR: '09-004',
  TH: '09-004',
  TD: '09-004',
  THead: '09-004',
  TBody: '09-004',
  TFoot: '09-004',
  LI: '09-005',
  Lbl: '09-005',
  LBody: '09-005',
  TOCI: '09-006',
};

function checkStructure(doc: PDFDocument, elements: Element[], fail: Fail): void {
  const ids = new Map<string, number>();
  let firstNumbered: string | undefined;
  let previousLevel = 0;
  let numbered = false;
  let plainH = false;
  for (const element of elements) {
    const { role, dict } = element;
    const allowed = PARENTS[role];
    if (allowed && !allowed.includes(element.parent?.role ?? '')) {
      fail(CONDITION_OF[role] ?? '09-004', `<${role}> inside <${element.parent?.role ?? 'the root'}>`);
    }
    if (role === 'LI' && element.kids.some((kid) => kid.role !== 'Lbl' && kid.role !== 'LBody'))
      fail('09-005', `<LI> holds <${element.kids.map((k) => k.role).join(', ')}>, not only <Lbl> and <LBody>`);
    if (role === 'LI' && hasDirectContent(dict)) fail('09-005', '<LI> holds content outside <Lbl> and <LBody>');
    if (role === 'L' && element.kids.some((kid) => !['LI', 'L', 'Caption'].includes(kid.role)))
      fail('09-005', `<L> holds <${element.kids.map((k) => k.role).join(', ')}>`);
    if (
      (role === 'Figure' || role === 'Formula') &&
      !text(dict.lookup(N('Alt'))) &&
      !text(dict.lookup(N('ActualText')))
    ) {
      fail(role === 'Figure' ? '13-004' : '17-002', `a <${role}> has no Alt text`);
    }
    const level = /^H([1-6])$/.exec(role)?.[1];
    if (level) {
      numbered = true;
      firstNumbered ??= role;
      if (Number(level) > previousLevel + 1 && previousLevel > 0)
        fail('14-003', `<${role}> follows <H${previousLevel}>`);
      previousLevel = Number(level);
    }
    if (role === 'H') {
      plainH = true;
      if ((element.parent?.kids.filter((kid) => kid.role === 'H').length ?? 0) > 1)
        fail('14-006', 'a node holds more than one <H>');
    }
    if (role === 'TH' && !hasScope(doc, dict) && !tableUsesHeaders(doc, element))
      fail('15-003', 'a <TH> has no Scope and its table has no Headers');
    if (role === 'Note') {
      const id = text(dict.lookup(N('ID')));
      if (!id) fail('19-003', 'a <Note> has no ID');
      else ids.set(id, (ids.get(id) ?? 0) + 1);
    }
  }
  for (const [id, count] of ids) if (count > 1) fail('19-004', `the Note ID ${id} is used ${count} times`);
  if (numbered && firstNumbered !== 'H1') fail('14-002', `the first heading is <${firstNumbered}>`);
  if (numbered && plainH) fail('14-007', 'both <H> and <H1>..<H6> are used');
}

/** Marked content or annotations straight inside a structure element (not in a child element). */
function hasDirectContent(dict: PDFDict): boolean {
  const kids = dict.get(N('K'));
  return (kids instanceof PDFArray ? kids.asArray() : [kids]).some(
    (kid) => kid instanceof PDFNumber || (kid instanceof PDFDict && kid.get(N('Type')) !== N('StructElem')),
  );
}

function attributeDicts(doc: PDFDocument, dict: PDFDict): PDFDict[] {
  const attributes = dict.lookup(N('A'));
  const list = attributes instanceof PDFArray ? attributes.asArray().map((a) => doc.context.lookup(a)) : [attributes];
  return list.filter((a): a is PDFDict => a instanceof PDFDict);
}

function hasScope(doc: PDFDocument, dict: PDFDict): boolean {
  return attributeDicts(doc, dict).some((a) => a.get(N('O')) === N('Table') && a.has(N('Scope')));
}

function tableUsesHeaders(doc: PDFDocument, cell: Element): boolean {
  let table = cell.parent;
  while (table && table.role !== 'Table') table = table.parent;
  const cells: Element[] = [];
  const collect = (element: Element): void => {
    if (element.role === 'TD') cells.push(element);
    element.kids.forEach(collect);
  };
  if (table) collect(table);
  return cells.length > 0 && cells.every((td) => attributeDicts(doc, td.dict).some((a) => a.has(N('Headers'))));
}

function checkAnnotations(doc: PDFDocument, elements: Element[], fail: Fail): void {
  // Which structure element holds each annotation (through its OBJR).
  const holder = new Map<PDFDict, Element>();
  for (const element of elements) {
    const kids = element.dict.get(N('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) {
      const objr = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      if (objr instanceof PDFDict && objr.get(N('Type')) === N('OBJR')) {
        const annot = objr.lookupMaybe(N('Obj'), PDFDict);
        if (annot) holder.set(annot, element);
      }
    }
  }
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? [];
    if (annots.length === 0) return;
    const tabs = page.node.lookup(N('Tabs'));
    if (tabs === undefined) fail('28-008', `page ${index + 1} has annotations and no /Tabs`);
    else if (tabs !== N('S')) fail('28-009', `page ${index + 1} has /Tabs ${String(tabs)}`);
    for (const item of annots) {
      const annot = doc.context.lookupMaybe(item, PDFDict);
      if (!annot) continue;
      const subtype = annot.lookupMaybe(N('Subtype'), PDFName)?.decodeText() ?? '';
      const parent = holder.get(annot);
      if (subtype === 'TrapNet') fail('28-007', `page ${index + 1} has a TrapNet annotation`);
      if (subtype === 'Link') {
        if (parent?.role !== 'Link')
          fail(
            '28-011',
            `a link on page ${index + 1} is ${parent ? `inside <${parent.role}>` : 'not in the structure tree'}`,
          );
        if (!text(annot.lookup(N('Contents')))) fail('28-012', `a link on page ${index + 1} has no /Contents`);
      } else if (subtype !== 'Widget' && subtype !== 'PrinterMark' && subtype !== 'Popup') {
        if (parent?.role !== 'Annot')
          fail('28-002', `a ${subtype} annotation on page ${index + 1} is not in an <Annot>`);
        if (!text(annot.lookup(N('Contents'))) && !text(parent?.dict.lookup(N('Alt'))))
          fail('28-004', `a ${subtype} annotation on page ${index + 1} has no description`);
      }
    }
  });
}

function checkResources(doc: PDFDocument, fail: Fail): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (!dict) continue;
    const type = dict.lookupMaybe(N('Type'), PDFName)?.decodeText();
    const subtype = dict.lookupMaybe(N('Subtype'), PDFName)?.decodeText();
    if (subtype === 'Form' && dict.has(N('Ref'))) fail('30-001', 'a reference XObject is present');
    if (type === 'Filespec' && dict.has(N('EF')) && (!dict.has(N('F')) || !dict.has(N('UF'))))
      fail('21-001', 'an embedded file lacks F or UF');
    if (type !== 'Font' || subtype === 'Type3') continue;
    const name = dict.lookupMaybe(N('BaseFont'), PDFName)?.decodeText() ?? 'a font';
    if (subtype === 'Type0') {
      if (!dict.has(N('ToUnicode'))) fail('31-027', `${name} has no ToUnicode`);
      continue;
    }
    // Simple fonts and the CIDFonts inside Type 0 fonts carry the descriptor with the font program.
    const descriptor = dict.lookupMaybe(N('FontDescriptor'), PDFDict);
    if (!descriptor) continue;
    if (!['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(N(key))))
      fail('31-009', `${name} is not embedded`);
    if (!subtype?.startsWith('CIDFontType') && !dict.has(N('ToUnicode')) && !dict.has(N('Encoding')))
      fail('31-027', `${name} has no ToUnicode and no Encoding`);
  }
}

/** 01-003..005 from the page content as pdf.js reads it: every mark is inside tagged content or an artifact, never both. */
async function checkContent(bytes: Uint8Array, fail: Fail): Promise<void> {
  const { OPS } = await getResolvedPDFJS();
  const painting = new Set<number>([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
    OPS.fill,
    OPS.eoFill,
    OPS.stroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
    OPS.shadingFill,
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintFormXObjectBegin,
  ]);
  const pdf = await getDocumentProxy(bytes.slice());
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const { fnArray, argsArray } = await (await pdf.getPage(number)).getOperatorList();
      // For each open marked-content sequence: is it an artifact, and does it carry an MCID?
      const stack: Array<{ artifact: boolean; tagged: boolean }> = [];
      let untagged = 0;
      fnArray.forEach((fn, i) => {
        const args = argsArray[i] as unknown[] | null;
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
          // The tag comes as a string (BDC) or as a name object (BMC), depending on the operator.
          const raw = args?.[0];
          const tag =
            typeof raw === 'string'
              ? raw
              : typeof raw === 'object' && raw !== null && 'name' in raw
                ? String(raw.name)
                : '';
          const props = args?.[1];
          const artifact = tag === 'Artifact';
          // pdf.js passes a BDC's MCID (or null) as its second argument.
          const tagged = !artifact && typeof props === 'number';
          if (artifact && stack.some((s) => s.tagged))
            fail('01-003', `page ${number}: an artifact inside tagged content`);
          if (tagged && stack.some((s) => s.artifact))
            fail('01-004', `page ${number}: tagged content inside an artifact`);
          stack.push({ artifact, tagged });
        } else if (fn === OPS.endMarkedContent) {
          stack.pop();
        } else if (paints(fn, args, painting, OPS.constructPath) && !stack.some((s) => s.artifact || s.tagged)) {
          untagged++;
        }
      });
      if (untagged > 0)
        fail('01-005', `page ${number}: ${untagged} painting operations are neither tagged nor an artifact`);
    }
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** pdf.js folds path painting into constructPath, whose first argument is the painting operator. */
function paints(fn: number, args: unknown[] | null, painting: Set<number>, constructPath: number): boolean {
  if (fn === constructPath) return typeof args?.[0] === 'number' && painting.has(args[0]);
  return painting.has(fn);
}
