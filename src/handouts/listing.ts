/**
 * Writes the table of every handout into the built Handouts pages, from the
 * manifest: the pipeline's third step, after the PDFs and before the search
 * index and the service worker read those pages (see src/plugin/pipeline.ts,
 * and src/components/HandoutTable.astro for why the build leaves a slot).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isLargePrintKind } from '../contracts/handout-manifest.ts';
import {
  bookletSlug,
  packetLanguage,
  HANDOUT_LIST_PAGE,
  HANDOUT_TABLE_END,
  HANDOUT_TABLE_START,
  HANDOUTS_DIR,
  PAPER_SIZES,
  type PaperSize,
} from '../lib/handout-files.ts';
import type { HandoutIndex, HandoutTableLabels } from '../contracts/handout-index.ts';
import { underBase } from '../lib/base-path.ts';
import { fillText } from '../lib/placeholders.ts';
import { writeFileAtomic } from './files.ts';
import { escapeHtml } from './html.ts';
import type { ManifestEntry } from './manifest.ts';
import { labelsFor } from './render.ts';

interface Column {
  label: string;
  matches: (entry: ManifestEntry) => boolean;
}

/**
 * One column per paper size for the one-sheet summaries (first), then one per paper size for
 * the full handouts (and the booklet), then one per paper size in large print, headed in the page's language.
 */
function columns(words: HandoutTableLabels): Column[] {
  const paperName = (paper: PaperSize): string => (paper === 'a4' ? words.a4 : words.letter);
  return [
    ...PAPER_SIZES.map((paper) => ({
      label: fillText(words.sheet, { paper: paperName(paper) }),
      matches: (e: ManifestEntry) => e.paper === paper && e.kind === 'sheet',
    })),
    ...PAPER_SIZES.map((paper) => ({
      label: paperName(paper),
      matches: (e: ManifestEntry) => e.paper === paper && e.kind !== 'sheet' && !isLargePrintKind(e.kind),
    })),
    ...PAPER_SIZES.map((paper) => ({
      label: fillText(words.largePrint, { paper: paperName(paper) }),
      matches: (e: ManifestEntry) => e.paper === paper && isLargePrintKind(e.kind),
    })),
  ];
}

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The table as HTML: one row per handout (the booklet and the packets first), one column per paper size and print size. */
export function handoutTableHtml(entries: ManifestEntry[], base: string, words: HandoutTableLabels): string {
  const root = underBase(base, `${HANDOUTS_DIR}/`);
  const shown = columns(words).filter((column) => entries.some(column.matches));
  // Entries come in manifest order: booklets first, then the packets, then the pages in reading order.
  const rows = [...new Set(entries.map((entry) => entry.slug))];
  const pages = (count: number): string =>
    count === 1 ? words.pageOne : fillText(words.pageMany, { count: String(count) });
  // No `download` attribute: it makes Chromium bypass the service worker, so a saved PDF would not open offline.
  // Each link is named in full ("Start here, US Letter, PDF, 3 pages"), or a screen reader hears "PDF" 66 times.
  const cell = (entry: ManifestEntry | undefined, column: Column): string =>
    entry
      ? `<td data-label="${escapeHtml(column.label)}"><a href="${escapeHtml(root + entry.file)}" aria-label="${escapeHtml(`${entry.title}, ${column.label}, ${words.file}, ${pages(entry.pages)}`)}">${escapeHtml(words.file)}</a> <span class="handout-size">${escapeHtml(pages(entry.pages))}, ${sizeLabel(entry.bytes)}</span></td>`
      : `<td data-label="${escapeHtml(column.label)}">—</td>`;
  const body = rows.map((slug) => {
    const mine = entries.filter((entry) => entry.slug === slug);
    const first = mine[0] as ManifestEntry;
    const count = String(Object.keys(first.starts ?? {}).length);
    const name =
      first.kind === 'booklet'
        ? `<strong>${escapeHtml(first.title)}</strong> (${escapeHtml(words.booklet)})`
        : first.kind === 'packet' || first.kind === 'large-print-packet'
          ? `<strong>${escapeHtml(first.title)}</strong> (${escapeHtml(fillText(words.packet, { count }))})`
          : `<a href="${escapeHtml(new URL(first.url).pathname)}">${escapeHtml(first.title)}</a>`;
    return `<tr><th scope="row">${name}</th>${shown.map((column) => cell(mine.find(column.matches), column)).join('')}</tr>`;
  });
  return (
    `<table><caption>${escapeHtml(words.caption)}</caption>` +
    `<thead><tr><th scope="col">${escapeHtml(words.handout)}</th>${shown.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('')}</tr></thead>` +
    `<tbody>${body.join('')}</tbody></table>`
  );
}

/**
 * Fills the table slot of each edition's built Handouts page with `html(lang)`,
 * writing a page only when its content changes. Returns the languages whose
 * page changed, and those that have no Handouts page (or no markers) to fill.
 */
export async function fillHandoutTables(
  siteDir: string,
  languages: readonly string[],
  html: (lang: string) => string,
): Promise<{ changed: string[]; missing: string[] }> {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const lang of languages) {
    const file = join(siteDir, lang === 'en' ? '' : lang, HANDOUT_LIST_PAGE, 'index.html');
    const page = await readFile(file, 'utf8').catch(() => undefined);
    const start = page?.indexOf(HANDOUT_TABLE_START) ?? -1;
    const end = page?.indexOf(HANDOUT_TABLE_END) ?? -1;
    if (page === undefined || start < 0 || end < start) {
      missing.push(lang);
      continue;
    }
    const filled = page.slice(0, start + HANDOUT_TABLE_START.length) + html(lang) + page.slice(end);
    if (filled === page) continue;
    await writeFileAtomic(file, filled);
    changed.push(lang);
  }
  return { changed, missing };
}

/**
 * Each edition's Handouts page lists that edition's PDFs ("es/printable-handouts/" lists
 * the es- files), from the manifest of what is on disk.
 */
export async function writeHandoutTables(
  siteDir: string,
  index: HandoutIndex,
  entries: ManifestEntry[],
): Promise<{ changed: string[]; missing: string[] }> {
  const languageOf = new Map<string, string>();
  for (const page of index.pages) {
    languageOf.set(page.slug, page.lang);
    languageOf.set(bookletSlug(page.lang), page.lang);
  }
  // A packet's slug says its language ("es-packet-first-visit"); the manifest is the list of those built.
  for (const entry of entries) {
    if (entry.kind !== 'packet' && entry.kind !== 'large-print-packet') continue;
    languageOf.set(entry.slug, packetLanguage(entry.slug));
  }
  const languages = [...new Set(index.pages.map((page) => page.lang))];
  return fillHandoutTables(siteDir, languages, (lang) =>
    handoutTableHtml(
      entries.filter((entry) => languageOf.get(entry.slug) === lang),
      index.base,
      labelsFor(index, lang).table,
    ),
  );
}
