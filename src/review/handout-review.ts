/**
 * The review lines of every page that gets a handout, for dist/handout-pages.json
 * and the Handouts page: the same words the page shows (words.ts), shortened to
 * the headline that fits a footer.
 */
import type { CollectionEntry } from 'astro:content';
import type { HandoutReview } from '../lib/handout-pages';
import { entryLanguage } from '../lib/locales';
import { entryReviewState, reviewTemplates } from './site';
import { reviewWords } from './words';

type Translate = (key: string, options?: { lng?: string }) => string;

/** Each entry's handout review, by entry id. */
export async function handoutReviews(entries: CollectionEntry<'docs'>[], t: Translate): Promise<Map<string, HandoutReview>> {
  const reviews = await Promise.all(
    entries.map(async (entry) => {
      const lang = entryLanguage(entry.id);
      const state = await entryReviewState(entry);
      const words = reviewWords(state, reviewTemplates(t, lang), lang);
      const review: HandoutReview = { line: words.headline, notice: words.notice, date: state.kind === 'unreviewed' ? undefined : state.review.date };
      return [entry.id, review] as const;
    }),
  );
  return new Map(reviews);
}

/** The lookup listHandoutPages expects; a page missing from `reviews` is a bug, not "reviewed". */
export function reviewLookup(reviews: Map<string, HandoutReview>): (entry: { id: string }) => HandoutReview {
  return (entry) => {
    const review = reviews.get(entry.id);
    if (!review) throw new Error(`no review state was worked out for ${entry.id}`);
    return review;
  };
}
