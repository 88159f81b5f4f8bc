/** Reads PDFs back independently of the code that wrote them. */
import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';

export interface PdfReadback {
  pages: number;
  text: string;
  info: Record<string, unknown>;
}

export async function readPdf(file: string): Promise<PdfReadback> {
  const data = new Uint8Array(await readFile(file));
  const pdf = await getDocumentProxy(data);
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  const { info } = await getMeta(pdf);
  // This pdf.js build has no PDFDocumentProxy.destroy(); the loading task owns the worker and memory.
  await pdf.loadingTask.destroy();
  return { pages: totalPages, text, info: info as Record<string, unknown> };
}

/** Lower-case words only, so line breaks and hyphenation in a PDF do not matter. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}
