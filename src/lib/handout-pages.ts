import type { CollectionEntry } from 'astro:content';
import { SUPPORTED_LANGUAGES } from './clinic-config.ts';
import { underBase, normalizeBase } from './base-path.ts';
import { entryLanguage, entrySlugWithinLanguage } from './locales.ts';
import type { HandoutPage } from '../contracts/handout-index.ts';

// The shapes are defined once, by the contract's schema.
export type { HandoutLabels, HandoutPage, HandoutReview, HandoutTableLabels } from '../contracts/handout-index.ts';

/** A handout page before its review is looked up (the site's lists need only its title and path). */
export type ListedPage = Omit<HandoutPage, 'review'>;

/**
 * The home page's id is "index"; its handout gets a name a person would look for.
 * Translations are prefixed with their language ("es-start-here"), so every edition
 * shares one flat handouts folder.
 */
export function handoutSlug(entryId: string): string {
  const slug = entrySlugWithinLanguage(entryId);
  // Starlight's route data gives the English home page the id "" (the collection calls it "index").
  const name = slug === 'index' || slug === '' ? 'start-here' : slug.replaceAll('/', '-');
  const language = entryLanguage(entryId);
  return language === 'en' ? name : `${language}-${name}`;
}

/** The site path of a docs entry under the configured base path. */
export function pagePath(entryId: string, base: string): string {
  return entryId === 'index' ? normalizeBase(base) : underBase(base, `${entryId}/`);
}

/** Pages that get a handout (without their review: see src/review/handout-review.ts): English first, then each translation, each in reading order (handout.order, then sidebar order, then title). */
export function listHandoutPages(entries: CollectionEntry<'docs'>[], base: string): ListedPage[] {
  return entries
    .filter((entry) => entry.data.handout.include)
    .map((entry) => ({
      slug: handoutSlug(entry.id),
      lang: entryLanguage(entry.id),
      title: entry.data.title,
      description: entry.data.description,
      path: pagePath(entry.id, base),
      order: entry.data.handout.order ?? entry.data.sidebar.order ?? Number.MAX_SAFE_INTEGER,
      ...(entry.filePath ? { source: entry.filePath } : {}),
    }))
    .sort(
      (a, b) =>
        SUPPORTED_LANGUAGES.indexOf(a.lang) - SUPPORTED_LANGUAGES.indexOf(b.lang) ||
        a.order - b.order ||
        a.title.localeCompare(b.title),
    );
}
