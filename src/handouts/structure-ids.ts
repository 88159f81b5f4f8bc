/**
 * Tagged PDFs name table header cells by an /ID that Chromium takes from its
 * internal DOM node numbers. Those depend on how many nodes the tab created
 * before, which varies from run to run for the booklet (it builds its page in
 * the tab), so the same content gave different bytes. This renumbers the IDs in
 * document order and rewrites everything that refers to them: the header
 * references of table cells and the structure tree's ID lookup.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const text = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

export function renumberStructureIds(doc: PDFDocument): void {
  const elements: Array<{ ref: PDFRef; dict: PDFDict; id: string }> = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    const id = text(object.get(PDFName.of('ID')));
    if (id !== undefined) elements.push({ ref, dict: object, id });
  }
  if (elements.length === 0) return;
  elements.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  const renamed = new Map(elements.map(({ id }, index) => [id, `id${String(index + 1).padStart(6, '0')}`] as const));

  for (const { dict, id } of elements) dict.set(PDFName.of('ID'), PDFString.of(renamed.get(id) ?? id));
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    const attributes = object.lookup(PDFName.of('A'));
    const owners =
      attributes instanceof PDFArray ? attributes.asArray().map((item) => doc.context.lookup(item)) : [attributes];
    for (const owner of owners) {
      const headers = owner instanceof PDFDict ? owner.lookup(PDFName.of('Headers')) : undefined;
      if (!(headers instanceof PDFArray)) continue;
      for (let i = 0; i < headers.size(); i++) {
        const old = text(headers.get(i));
        if (old !== undefined && renamed.has(old)) headers.set(i, PDFString.of(renamed.get(old) as string));
      }
    }
  }
  // A fresh, flat ID tree: the new names sort in the same order they were given.
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (root instanceof PDFDict && root.has(PDFName.of('IDTree'))) {
    // pdf-lib writes every object it holds, referenced or not: drop the old tree's nodes.
    const drop = (node: PDFObject | undefined): void => {
      const dict = node instanceof PDFRef ? doc.context.lookup(node) : node;
      if (dict instanceof PDFDict) {
        const kids = dict.get(PDFName.of('Kids'));
        const list = kids instanceof PDFRef ? doc.context.lookup(kids) : kids;
        if (list instanceof PDFArray) for (const kid of list.asArray()) drop(kid);
      }
      if (node instanceof PDFRef) doc.context.delete(node);
    };
    drop(root.get(PDFName.of('IDTree')));
    const names: PDFObject[] = elements.flatMap(({ ref, id }) => [PDFString.of(renamed.get(id) ?? id), ref]);
    root.set(PDFName.of('IDTree'), doc.context.obj({ Names: names }));
  }
}
