/**
 * Stamps a rendered PDF with its document information (title, author, subject,
 * keywords, language), points its links at the public site and fixes its dates
 * to the content's review date, so that rebuilding unchanged content gives
 * byte-identical files.
 *
 * Why Chromium's own output differs run to run: its links point at the local
 * render server, whose port the OS picks anew each run (fixed in links.ts), and
 * it writes a random document ID and the current time (removed and fixed here),
 * and tagged tables name their cells by internal node numbers (structure-ids.ts).
 * Font subset tags (AAAAAA+, BAAAAA+) are numbered in order of use, not at random.
 */
import { ParseSpeeds, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { rewriteLinkOrigin } from './links.ts';
import { repairOutlineTitles, titleRepairer } from './outline.ts';
import { applyPdfUa } from './pdfua.ts';
import { renumberStructureIds } from './structure-ids.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 language tag, e.g. "en-US" or "es". */
  language: string;
  /** Used for both creation and modification date; without one, the PDF carries no date at all (never the time of the run). */
  date: Date | undefined;
  /** Links starting with `from` (the local render server) are rewritten to start with `to` (the public site). */
  links: { from: string; to: string };
  /** The printed headings, to repair the bookmark titles with. */
  headings: string[];
  /** 0-based pages that are a cover: printed without the running header and footer. */
  coverPages?: number[];
}

const PRODUCER = 'Patient guide handout renderer';

export interface FinalizedPdf {
  bytes: Uint8Array;
  pages: number;
  /** The finished document, for checks on what was written (read-only use). */
  doc: PDFDocument;
}

export async function finalizePdf(pdf: Uint8Array, meta: PdfMetadata): Promise<FinalizedPdf> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  rewriteLinkOrigin(doc, meta.links.from, meta.links.to);
  repairOutlineTitles(doc, titleRepairer(meta.headings));
  renumberStructureIds(doc);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(meta.author);
  doc.setProducer(PRODUCER);
  doc.setLanguage(meta.language);
  if (meta.date) {
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
  } else {
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  // Chromium writes a random document ID; derive nothing from time or chance.
  doc.context.trailerInfo.ID = undefined;
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  applyPdfUa(doc, { ...meta, producer: PRODUCER });
  // pdf-lib pauses for a timer tick every 50 objects it writes (100 it reads) unless told not to: on a
  // 70-page booklet those pauses were about a third of its finishing time (see README, "Speed").
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes, pages: doc.getPageCount(), doc };
}
