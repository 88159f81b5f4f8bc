/**
 * Stamps a rendered PDF with its document information (title, author, subject,
 * keywords, language) and fixes its dates to the page's review date, so that
 * rebuilding unchanged content gives byte-identical files.
 */
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 language tag, e.g. "en-US" or "es". */
  language: string;
  /** Used for both creation and modification date. */
  date: Date;
}

export interface FinalizedPdf {
  bytes: Uint8Array;
  pages: number;
}

export async function finalizePdf(pdf: Uint8Array, meta: PdfMetadata): Promise<FinalizedPdf> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(meta.author);
  doc.setProducer('Ketamine patient guide handout renderer');
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  // Chromium writes a random document ID; derive nothing from time or chance.
  doc.context.trailerInfo.ID = undefined;
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: doc.getPageCount() };
}
