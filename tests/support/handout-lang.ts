/** The document language a PDF declares in its catalog (`/Lang`), read independently of the renderer. */
import { readFile } from 'node:fs/promises';
import { PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';

export async function pdfLanguage(file: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(new Uint8Array(await readFile(file)), { updateMetadata: false });
  const lang = doc.catalog.lookup(PDFName.of('Lang'));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}
