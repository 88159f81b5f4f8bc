/**
 * What a page says about its review, in its own language: the same words on the
 * site (src/components/ReviewedDate.astro) and on paper (the handout footer), so
 * the two can never disagree. Templates come from the dictionary
 * (src/content/i18n/*.json, keys `guide.review.*`).
 */
import { formatReviewDate } from '../lib/dates.ts';
import { fillText } from '../lib/placeholders.ts';
import type { ReviewState } from './status.ts';

/** The dictionary templates used here, in one language. */
export interface ReviewTemplates {
  /** "Reviewed by {reviewer} on {date} · Next review due {due}" */
  current: string;
  unreviewed: string;
  changed: string;
  /** May use {due}. */
  overdue: string;
  /** "Last reviewed by {reviewer} on {date}." */
  last: string;
  /** What a reader should do meanwhile. */
  advice: string;
}

/** The review line or notice of one page. */
export interface ReviewWords {
  /** True unless a current review backs the page: the page and its handout must carry a notice. */
  notice: boolean;
  /** The review line, or the notice's first sentence. Short enough for a handout footer. */
  headline: string;
  /** For a notice: the last review, if any, and what to do meanwhile (shown on the page). */
  details: string[];
}

/** "2026-11-20" as a reader of `lang` writes it. */
export function readableDay(day: string, lang: string): string {
  return formatReviewDate(new Date(`${day}T00:00:00Z`), lang);
}

export function reviewWords(state: ReviewState, templates: ReviewTemplates, lang: string): ReviewWords {
  if (state.kind === 'current') {
    const values = {
      reviewer: state.review.reviewer,
      date: readableDay(state.review.date, lang),
      due: readableDay(state.due, lang),
    };
    return { notice: false, headline: fillText(templates.current, values), details: [] };
  }
  if (state.kind === 'unreviewed') return { notice: true, headline: templates.unreviewed, details: [templates.advice] };
  const last = fillText(templates.last, {
    reviewer: state.review.reviewer,
    date: readableDay(state.review.date, lang),
  });
  const headline =
    state.kind === 'changed' ? templates.changed : fillText(templates.overdue, { due: readableDay(state.due, lang) });
  return { notice: true, headline, details: [last, templates.advice] };
}
