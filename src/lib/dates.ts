/** Formats a review date the same way on the site and on paper, e.g. "November 20, 2026". */
export function formatReviewDate(date: Date, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The machine-readable form used in `<time datetime>`: "2026-11-20". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
