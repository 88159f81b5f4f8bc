import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { clinic } from '../../clinic.config';
import { handoutLabelsFrom, serializeHandoutIndex, type HandoutIndex } from '../contracts/handout-index';
import { listHandoutPages } from '../lib/handout-pages';
import { handoutReviews, withReviews } from '../review/handout-review';

/**
 * The list of pages to print, written into the built site so that the handout
 * step works from the built site alone and never re-reads the content. Its shape
 * is the contract in src/contracts/handout-index.ts, checked before it is written.
 */
export const GET: APIRoute = async ({ locals }) => {
  const base = import.meta.env.BASE_URL;
  const entries = await getCollection('docs');
  const reviews = await handoutReviews(entries, locals.t);
  const index: HandoutIndex = {
    site: import.meta.env.SITE,
    base,
    pages: withReviews(listHandoutPages(entries, base), reviews),
    // The same dictionary the pages use (src/content/i18n/), one entry per language built.
    labels: Object.fromEntries(
      clinic.languages.map((lng) => [lng, handoutLabelsFrom((key) => locals.t(key, { lng }), clinic.keywords[lng])]),
    ),
  };
  return new Response(serializeHandoutIndex(index), { headers: { 'Content-Type': 'application/json' } });
};
