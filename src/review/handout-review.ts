/**
 * The review lines of every page that gets a handout, for dist/handout-pages.json
 * and the Handouts page: the same words the page shows (words.ts), shortened to
 * the headline that fits a footer.
 */
import type { CollectionEntry } from 'astro:content';
import { handoutSlug, type HandoutPage, type HandoutReview, type ListedPage } from '../lib/handout-pages';
import { entryLanguage } from '../lib/locales';
import { entryReviewState, reviewTemplates } from './site';
import { reviewWords } from './words';

/** Each entry's handout review, by handout slug ("glossary", "es-glossary"). */
export async function handoutReviews(
  entries: CollectionEntry<'docs'>[],
  t: App.Locals['t'],
): Promise<Map<string, HandoutReview>> {
  const reviews = await Promise.all(
    entries.map(async (entry) => {
      const lang = entryLanguage(entry.id);
      const state = await entryReviewState(entry);
      const words = reviewWords(state, reviewTemplates(t, lang), lang);
      const review: HandoutReview = {
        line: words.headline,
        notice: words.notice,
        date: state.kind === 'unreviewed' ? undefined : state.review.date,
      };
      return [handoutSlug(entry.id), review] as const;
    }),
  );
  return new Map(reviews);
}

/** The listed pages with their reviews; a page missing from `reviews` is a bug, never taken as "reviewed". */
export function withReviews(pages: ListedPage[], reviews: Map<string, HandoutReview>): HandoutPage[] {
  return pages.map((page) => {
    const review = reviews.get(page.slug);
    if (!review) throw new Error(`no review state was worked out for the handout ${page.slug}`);
    return { ...page, review };
  });
}
