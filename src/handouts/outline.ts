/** Reads the bookmarks (outline) Chromium wrote into a PDF: titles and the page each one opens. */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  /** 1-based page number the bookmark opens. */
  page: number;
  children: OutlineItem[];
}

function destinationPage(item: PDFDict, pageNumbers: Map<PDFRef, number>): number {
  const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
  const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray) ?? action?.lookupMaybe(PDFName.of('D'), PDFArray);
  const target = dest?.get(0);
  return target instanceof PDFRef ? (pageNumbers.get(target) ?? 0) : 0;
}

function readItems(first: PDFDict | undefined, pageNumbers: Map<PDFRef, number>): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    items.push({
      title: item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '',
      page: destinationPage(item, pageNumbers),
      children: readItems(item.lookupMaybe(PDFName.of('First'), PDFDict), pageNumbers),
    });
  }
  return items;
}

export function readOutline(doc: PDFDocument): OutlineItem[] {
  const pageNumbers = new Map(doc.getPages().map((page, index) => [page.ref, index + 1] as const));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return readItems(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), pageNumbers);
}

/**
 * Chromium (seen in 156) writes some bookmark titles wrongly: a heading that a
 * page break moved is recorded twice ("Sources" + "Sources"), and a heading
 * over two lines loses the space between them. This gives a function that maps
 * such a title back to the heading's real text, taken from the page itself;
 * a title that matches no heading is left as it is.
 */
export function titleRepairer(headings: string[]): (title: string) => string {
  const key = (text: string): string => text.replace(/\s+/g, '');
  const byKey = new Map(headings.map((heading) => [key(heading), heading.replace(/\s+/g, ' ').trim()] as const));
  return (title) => {
    const compact = key(title);
    const exact = byKey.get(compact);
    if (exact !== undefined) return exact;
    for (let k = 1; k <= compact.length / 2; k++) {
      if (compact.slice(0, k) !== compact.slice(k, 2 * k)) continue;
      const repaired = byKey.get(compact.slice(k));
      if (repaired !== undefined) return repaired;
    }
    return title;
  };
}

/** Rewrites every bookmark title with `repair`. */
export function repairOutlineTitles(doc: PDFDocument, repair: (title: string) => string): void {
  const walk = (first: PDFDict | undefined): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      if (title !== undefined) {
        const fixed = repair(title);
        if (fixed !== title) item.set(PDFName.of('Title'), PDFHexString.fromText(fixed));
      }
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
}
