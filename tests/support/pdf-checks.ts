/**
 * Deeper readback of handout PDFs for the e2e tests, with tools that share no
 * code with the renderer: poppler (pdffonts, pdfinfo, pdftoppm), pdf.js (via
 * unpdf) and jsQR.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { getDocumentProxy } from 'unpdf';

const run = promisify(execFile);

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts `pdffonts` lists. */
export async function pdfFonts(file: string): Promise<FontRow[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object number, generation.
      const parts = line.trim().split(/\s+/);
      return { name: parts[0] ?? '', type: parts.slice(1, -6).join(' '), embedded: parts.at(-5) === 'yes' };
    });
}

/** `pdfinfo` as a record: "Tagged" -> "yes", "Title" -> "...". */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** The document language from the catalog's /Lang (pdf.js does not expose it). */
export async function pdfLanguage(file: string): Promise<string | undefined> {
  const text = (await readFile(file)).toString('latin1');
  return /\/Lang\s*\(([^)]*)\)/.exec(text)?.[1];
}

export interface PdfPages {
  /** Width and height in points, per page. */
  sizes: Array<[number, number]>;
  /** Text per page, in reading order. */
  texts: string[];
  /** Font size in points of most of the text (weighted by characters), over all pages. */
  bodyFontSize: number;
  /** Bookmarks: title, 1-based page, children. */
  outline: OutlineEntry[];
}

export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

export async function readPdfPages(file: string): Promise<PdfPages> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
  const sizes: Array<[number, number]> = [];
  const texts: string[] = [];
  const sizeCounts = new Map<number, number>();
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      const size = Math.round(Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) * 10) / 10;
      sizeCounts.set(size, (sizeCounts.get(size) ?? 0) + item.str.trim().length);
    }
    texts.push(text);
  }
  const bodyFontSize = [...sizeCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const toEntries = async (items: Awaited<ReturnType<typeof pdf.getOutline>> | undefined): Promise<OutlineEntry[]> => {
    const entries: OutlineEntry[] = [];
    for (const item of items ?? []) {
      const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
      const ref = dest?.[0];
      const page = ref && typeof ref === 'object' ? (await pdf.getPageIndex(ref)) + 1 : 0;
      entries.push({ title: item.title, page, children: await toEntries(item.items) });
    }
    return entries;
  };
  const outline = await toEntries(await pdf.getOutline());
  return { sizes, texts, bodyFontSize, outline };
}

/**
 * Renders the PDF's pages to PNG with pdftoppm and returns every QR code jsQR finds
 * (100 dpi gives the printed code about 3 pixels a module, enough for jsQR, in a third of the time of 150);
 * `pages` limits it to a range of 1-based pages (where the code is known to be).
 */
export async function decodeQrCodes(
  file: string,
  resolution = 100,
  pages?: { first: number; last: number },
): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'handout-qr-'));
  try {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    await run('pdftoppm', ['-png', '-r', String(resolution), ...range, file, join(dir, 'page')]);
    const found: string[] = [];
    for (const name of (await readdir(dir)).sort()) {
      const png = PNG.sync.read(await readFile(join(dir, name)));
      const code = jsQR(
        new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
        png.width,
        png.height,
      );
      if (code) found.push(code.data);
    }
    return found;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
