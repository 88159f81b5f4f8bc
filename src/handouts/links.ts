/**
 * Chromium prints links as the tab saw them, i.e. pointing at the local render
 * server on a random port. That is useless on paper and made every rebuild's
 * bytes differ; this points them at the public site instead.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/** Escapes a PDF literal string's special characters. */
function literal(text: string): PDFString {
  return PDFString.of(text.replace(/[\\()]/g, (char) => `\\${char}`));
}

/** Rewrites every link annotation whose URI starts with `from` to start with `to`. Returns how many changed. */
export function rewriteLinkOrigin(doc: PDFDocument, from: string, to: string): number {
  let changed = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const action = annots.lookup(i, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (!action || uri === undefined || !uri.startsWith(from)) continue;
      action.set(PDFName.of('URI'), literal(to + uri.slice(from.length)));
      changed += 1;
    }
  }
  return changed;
}
