/**
 * Writes the table of every handout into the built Handouts page, from the
 * manifest (see src/components/HandoutTable.astro for why it happens here).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HANDOUT_LIST_PAGE, HANDOUT_TABLE_END, HANDOUT_TABLE_START, HANDOUTS_DIR, PAPER_SIZES, type PaperSize } from '../../src/lib/handout-files.ts';
import type { HandoutTableLabels } from '../../src/lib/handout-pages.ts';
import { fillText } from '../../src/lib/placeholders.ts';
import { writeFileAtomic } from './files.ts';
import { escapeHtml } from './html.ts';
import type { ManifestEntry } from './manifest.ts';

interface Column {
  label: string;
  matches: (entry: ManifestEntry) => boolean;
}

/** One column per paper size, then one per paper size in large print, headed in the page's language. */
function columns(words: HandoutTableLabels): Column[] {
  const paperName = (paper: PaperSize): string => (paper === 'a4' ? words.a4 : words.letter);
  return [
    ...PAPER_SIZES.map((paper) => ({ label: paperName(paper), matches: (e: ManifestEntry) => e.paper === paper && e.kind !== 'large-print' })),
    ...PAPER_SIZES.map((paper) => ({
      label: fillText(words.largePrint, { paper: paperName(paper) }),
      matches: (e: ManifestEntry) => e.paper === paper && e.kind === 'large-print',
    })),
  ];
}

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The table as HTML: one row per handout (the booklet first), one column per paper size and print size. */
export function handoutTableHtml(entries: ManifestEntry[], base: string, words: HandoutTableLabels): string {
  const root = `${base.replace(/\/?$/, '/')}${HANDOUTS_DIR}/`;
  const shown = columns(words).filter((column) => entries.some(column.matches));
  // Entries come in manifest order: booklets first, then the pages in reading order.
  const rows = [...new Set(entries.map((entry) => entry.slug))];
  const pages = (count: number): string => (count === 1 ? words.pageOne : fillText(words.pageMany, { count: String(count) }));
  // No `download` attribute: it makes Chromium bypass the service worker, so a saved PDF would not open offline.
  // Each link is named in full ("Start here, US Letter, PDF, 3 pages"), or a screen reader hears "PDF" 66 times.
  const cell = (entry: ManifestEntry | undefined, column: Column): string =>
    entry
      ? `<td data-label="${escapeHtml(column.label)}"><a href="${escapeHtml(root + entry.file)}" aria-label="${escapeHtml(`${entry.title}, ${column.label}, ${words.file}, ${pages(entry.pages)}`)}">${escapeHtml(words.file)}</a> <span class="handout-size">${escapeHtml(pages(entry.pages))}, ${sizeLabel(entry.bytes)}</span></td>`
      : `<td data-label="${escapeHtml(column.label)}">—</td>`;
  const body = rows.map((slug) => {
    const mine = entries.filter((entry) => entry.slug === slug);
    const first = mine[0] as ManifestEntry;
    const name =
      first.kind === 'booklet'
        ? `<strong>${escapeHtml(first.title)}</strong> (${escapeHtml(words.booklet)})`
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
 * Replaces the placeholder between the markers of the built Handouts page
 * (of one edition: `languageFolder` is "" for English, "es/" for Spanish).
 * Returns false when the site has no such page (or it lacks the markers).
 */
export async function writeHandoutTable(
  siteDir: string,
  base: string,
  entries: ManifestEntry[],
  words: HandoutTableLabels,
  languageFolder = '',
): Promise<boolean> {
  const file = join(siteDir, languageFolder, HANDOUT_LIST_PAGE, 'index.html');
  const html = await readFile(file, 'utf8').catch(() => undefined);
  const start = html?.indexOf(HANDOUT_TABLE_START) ?? -1;
  const end = html?.indexOf(HANDOUT_TABLE_END) ?? -1;
  if (html === undefined || start < 0 || end < start) return false;
  const table = handoutTableHtml(entries, base, words);
  await writeFileAtomic(file, html.slice(0, start + HANDOUT_TABLE_START.length) + table + html.slice(end));
  return true;
}
