/**
 * What the booklet (every handout in one PDF) says about review, on its cover
 * and in its footer: one footer serves all its pages, so it says whether every
 * handout inside has a current review, and how many do not. Each handout's own
 * notice is still printed at the top of its first page.
 */
import type { HandoutLabels, HandoutReview } from '../lib/handout-pages.ts';
import { fillText } from '../lib/placeholders.ts';

export function bookletReview(
  reviews: HandoutReview[],
  labels: Pick<HandoutLabels, 'bookletReviewedAll' | 'bookletNotReviewed'>,
): HandoutReview {
  const unchecked = reviews.filter((review) => review.notice).length;
  // The latest review of any page dates the PDF (none: the PDF carries no date).
  const date = reviews
    .map((review) => review.date)
    .filter((day): day is string => day !== undefined)
    .sort()
    .at(-1);
  if (unchecked === 0) return { line: labels.bookletReviewedAll, notice: false, date };
  return {
    line: fillText(labels.bookletNotReviewed, { count: String(unchecked), total: String(reviews.length) }),
    notice: true,
    date,
  };
}
