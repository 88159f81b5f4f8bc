/** The text `npm run review -- status` prints: one row per page, then a one-line summary. */
import { pageLabel } from './pages.ts';
import type { PageStatus } from './report.ts';

const HEADERS = ['page', 'reviewer', 'reviewed', 'next due', 'changed since review', 'English changed since'];

function row(status: PageStatus): string[] {
  const { state, englishChanged } = status;
  const english = status.page.lang === 'en' ? '' : englishChanged === undefined ? '-' : englishChanged ? 'yes' : 'no';
  if (state.kind === 'unreviewed') return [pageLabel(status.page), 'NOT REVIEWED', '-', '-', '-', english];
  const due =
    state.kind === 'overdue'
      ? `${state.due} OVERDUE`
      : state.kind === 'current' && state.dueSoon
        ? `${state.due} (soon)`
        : state.due;
  return [
    pageLabel(status.page),
    state.review.reviewer,
    state.review.date,
    due,
    state.kind === 'changed' ? 'YES' : 'no',
    english,
  ];
}

/** A plain-text table (fixed-width columns) and a summary line. */
export function formatStatusTable(statuses: PageStatus[]): string {
  const rows = [HEADERS, ...statuses.map(row)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  const lines = rows.map((cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  const current = statuses.filter((status) => status.state.kind === 'current').length;
  const summary = `${current} of ${statuses.length} pages have a current clinical review; the others show a notice on the site and on their handouts.`;
  return [lines[0], widths.map((width) => '-'.repeat(width)).join('  '), ...lines.slice(1), '', summary].join('\n');
}
