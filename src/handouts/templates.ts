/**
 * The running header and footer Chromium prints on every handout page: the
 * clinic's logo and name at the top; the title and "Page N of M" at the bottom,
 * with the page's clinical review line (or the notice that none backs it) on a
 * row of its own below them, so every printed page carries it. Chromium draws them outside the page's own document, so they
 * cannot use its web fonts: the font is embedded here as a data URL, or the
 * printer would fall back to a system font.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { escapeHtml } from './html.ts';

export interface RunningTextAssets {
  /** `@font-face` rules for the handout font, with the font data inline. */
  fontFaces: string;
  /** The clinic logo as a data URL. */
  logoDataUrl: string;
}

export interface RunningText {
  clinicName: string;
  /** Printed at the bottom left: the page title, or the booklet's title. */
  title: string;
  /** The footer's review line: "Reviewed by … on … · Next review due …", or a notice (printed bold). */
  review: { line: string; notice: boolean };
  /** "Page {page} of {total}" in the page's language. */
  pageOf: string;
  /** Larger running text for the large-print handouts. */
  large: boolean;
}

// A name of its own, so it never clashes with the page's copy of the same font.
export const RUNNING_TEXT_FONT = 'Handout Running Text';
const FONT_FILES = [
  { weight: 400, file: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2' },
  { weight: 700, file: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2' },
];

const IMAGE_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** Reads the font and the logo once per run. */
export async function loadRunningTextAssets(logoPath: string): Promise<RunningTextAssets> {
  const require = createRequire(import.meta.url);
  const faces = await Promise.all(
    FONT_FILES.map(async ({ weight, file }) => {
      const data = (await readFile(require.resolve(file))).toString('base64');
      return `@font-face{font-family:'${RUNNING_TEXT_FONT}';font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2')}`;
    }),
  );
  const type = IMAGE_TYPES[extname(logoPath).toLowerCase()];
  if (!type)
    throw new Error(`the clinic logo "${logoPath}" must be an SVG, PNG, JPEG or WebP file (clinic.config.ts, "logo")`);
  const logo = await readFile(logoPath).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `cannot read the clinic logo "${logoPath}" (${error.code ?? error.message}); set "logo" in clinic.config.ts to a file in public/`,
    );
  });
  return { fontFaces: faces.join(''), logoDataUrl: `data:${type};base64,${logo.toString('base64')}` };
}

/** "Page {page} of {total}" with Chromium's page-number placeholders in place of the braces. */
function pageCounter(pattern: string): string {
  return escapeHtml(pattern)
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{total}', '<span class="totalPages"></span>');
}

/** Header and footer templates for `page.pdf()`. */
export function runningTemplates(
  assets: RunningTextAssets,
  text: RunningText,
): { headerTemplate: string; footerTemplate: string } {
  const size = text.large ? 13 : 10;
  const row = `font-family:'${RUNNING_TEXT_FONT}';font-size:${size}pt;color:#000;width:100%;margin:0 16mm;display:flex;align-items:center;gap:4mm;`;
  const style = `<style>${assets.fontFaces}</style>`;
  const headerTemplate =
    `${style}<div style="${row}border-bottom:0.5pt solid #000;padding-bottom:1.5mm;">` +
    `<img src="${assets.logoDataUrl}" alt="" style="height:${size * 1.8}pt;width:auto;">` +
    `<span style="font-weight:700;">${escapeHtml(text.clinicName)}</span></div>`;
  const reviewStyle = text.review.notice ? 'font-weight:700;' : '';
  const footerTemplate =
    `${style}<div style="${row}flex-direction:column;align-items:stretch;gap:0.5mm;border-top:0.5pt solid #000;padding-top:1.5mm;">` +
    `<div style="display:flex;justify-content:space-between;gap:4mm;">` +
    `<span style="flex:1 1 auto;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;">${escapeHtml(text.title)}</span>` +
    `<span style="flex:none;font-weight:700;">${pageCounter(text.pageOf)}</span></div>` +
    `<div style="${reviewStyle}">${escapeHtml(text.review.line)}</div></div>`;
  return { headerTemplate, footerTemplate };
}
