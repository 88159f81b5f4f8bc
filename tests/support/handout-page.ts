/** A handout page as the built site's index lists it, for unit tests that plan or key PDFs without a build. */
import type { HandoutPage } from '../../src/handouts/pages.ts';

/** The page `slug` of an edition: a Spanish one is "es-<slug>" at /es/<slug>/, titled "<lang>:<slug>" unless English. */
export function handoutPage(slug: string, lang: 'en' | 'es' = 'en'): HandoutPage {
  return {
    slug: lang === 'en' ? slug : `es-${slug}`,
    lang,
    title: lang === 'en' ? slug : `${lang}:${slug}`,
    description: undefined,
    path: lang === 'en' ? `/${slug}/` : `/es/${slug}/`,
    review: { line: 'This page has not yet been checked by a clinician.', notice: true },
    order: 1,
  };
}
