/**
 * Writes the table of every handout into the built Handouts page, from the
 * manifest (see src/components/HandoutTable.astro for why it happens here).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HANDOUT_LIST_PAGE, HANDOUT_TABLE_END, HANDOUT_TABLE_START, HANDOUTS_DIR, PAPER_LABELS, PAPER_SIZES } from '../../src/lib/handout-files.ts';
import { writeFileAtomic } from './files.ts';
import { escapeHtml } from './html.ts';
import type { ManifestEntry } from './manifest.ts';

interface Column {
  label: string;
  matches: (entry: ManifestEntry) => boolean;
}

const COLUMNS: Column[] = [
  ...PAPER_SIZES.map((paper) => ({ label: PAPER_LABELS[paper], matches: (e: ManifestEntry) => e.paper === paper && e.kind !== 'large-print' })),
  ...PAPER_SIZES.map((paper) => ({ label: `Large print, ${PAPER_LABELS[paper]}`, matches: (e: ManifestEntry) => e.paper === paper && e.kind === 'large-print' })),
];

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The table as HTML: one row per handout (the booklet first), one column per paper size and print size. */
export function handoutTableHtml(entries: ManifestEntry[], base: string): string {
  const root = `${base.replace(/\/?$/, '/')}${HANDOUTS_DIR}/`;
  const columns = COLUMNS.filter((column) => entries.some(column.matches));
  // Entries come in manifest order: booklets first, then the pages in reading order.
  const rows = [...new Set(entries.map((entry) => entry.slug))];
  const cell = (entry: ManifestEntry | undefined): string =>
    entry
      ? `<td><a href="${escapeHtml(root + entry.file)}" download>PDF</a>, ${entry.pages} page${entry.pages === 1 ? '' : 's'}, ${sizeLabel(entry.bytes)}</td>`
      : '<td>—</td>';
  const body = rows.map((slug) => {
    const mine = entries.filter((entry) => entry.slug === slug);
    const first = mine[0] as ManifestEntry;
    const name = first.kind === 'booklet' ? `<strong>${escapeHtml(first.title)}</strong> (every handout in one file)` : `<a href="${escapeHtml(new URL(first.url).pathname)}">${escapeHtml(first.title)}</a>`;
    return `<tr><th scope="row">${name}</th>${columns.map((column) => cell(mine.find(column.matches))).join('')}</tr>`;
  });
  return (
    `<table><caption>Every handout, by paper size: file, number of pages and download size</caption>` +
    `<thead><tr><th scope="col">Handout</th>${columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('')}</tr></thead>` +
    `<tbody>${body.join('')}</tbody></table>`
  );
}

/**
 * Replaces the placeholder between the markers of the built Handouts page
 * (of one edition: `languageFolder` is "" for English, "es/" for Spanish).
 * Returns false when the site has no such page (or it lacks the markers).
 */
export async function writeHandoutTable(siteDir: string, base: string, entries: ManifestEntry[], languageFolder = ''): Promise<boolean> {
  const file = join(siteDir, languageFolder, HANDOUT_LIST_PAGE, 'index.html');
  const html = await readFile(file, 'utf8').catch(() => undefined);
  const start = html?.indexOf(HANDOUT_TABLE_START) ?? -1;
  const end = html?.indexOf(HANDOUT_TABLE_END) ?? -1;
  if (html === undefined || start < 0 || end < start) return false;
  const table = handoutTableHtml(entries, base);
  await writeFileAtomic(file, html.slice(0, start + HANDOUT_TABLE_START.length) + table + html.slice(end));
  return true;
}
