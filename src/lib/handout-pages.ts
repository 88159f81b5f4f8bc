import type { CollectionEntry } from 'astro:content';
import { SUPPORTED_LANGUAGES, type Language } from './clinic-config.ts';
import { entryLanguage, entrySlugWithinLanguage } from './locales.ts';

/** One page the handout renderer prints, as listed in `dist/handout-pages.json`. */
export interface HandoutPage {
  /** File name of the PDF, without extension: "risks-and-side-effects", or "es-risks-and-side-effects" in Spanish. */
  slug: string;
  /** Language of the page: the PDF's language tag and its header and footer text follow it. */
  lang: Language;
  title: string;
  description: string | undefined;
  /** Path of the page on the site, including the base path: "/risks-and-side-effects/". */
  path: string;
  /** What the handout's footer says about the page's clinical review (see src/review/). */
  review: HandoutReview;
  /** Position in the booklet (reading order). */
  order: number;
}

/** A handout page before its review is looked up (the site's lists need only its title and path). */
export type ListedPage = Omit<HandoutPage, 'review'>;

/** A page's clinical review as its handout prints it. */
export interface HandoutReview {
  /**
   * The footer's review line in the page's language: "Reviewed by Ana Ruiz, MD on
   * November 20, 2026 · Next review due November 20, 2027", or a notice such as
   * "This page has not yet been checked by a clinician."
   */
  line: string;
  /** True when the line is a notice (never reviewed, changed since, overdue). */
  notice: boolean;
  /** Day of the page's last review (YYYY-MM-DD), if any: the PDF is dated with it, so rebuilding gives identical bytes. */
  date?: string | undefined;
}

/**
 * The home page's id is "index"; its handout gets a name a person would look for.
 * Translations are prefixed with their language ("es-start-here"), so every edition
 * shares one flat handouts folder.
 */
export function handoutSlug(entryId: string): string {
  const slug = entrySlugWithinLanguage(entryId);
  const name = slug === 'index' ? 'start-here' : slug.replaceAll('/', '-');
  const language = entryLanguage(entryId);
  return language === 'en' ? name : `${language}-${name}`;
}

/** The site path of a docs entry under the configured base path. */
export function pagePath(entryId: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return entryId === 'index' ? root : `${root}${entryId}/`;
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
    }))
    .sort(
      (a, b) =>
        SUPPORTED_LANGUAGES.indexOf(a.lang) - SUPPORTED_LANGUAGES.indexOf(b.lang) || a.order - b.order || a.title.localeCompare(b.title),
    );
}

/** The words of the table of handouts, with `{paper}` and `{count}` placeholders. */
export interface HandoutTableLabels {
  caption: string;
  /** Heading of the first column: "Handout". */
  handout: string;
  /** Link text of each file: "PDF". */
  file: string;
  pageOne: string;
  /** "{count} pages" */
  pageMany: string;
  /** Said of the booklet: "every handout in one file". */
  booklet: string;
  letter: string;
  a4: string;
  /** "Large print, {paper}" */
  largePrint: string;
}

/** The words of a handout's header and footer in one language, with `{page}`, `{total}` and `{count}` placeholders. */
export interface HandoutLabels {
  /** "Page {page} of {total}" */
  pageOf: string;
  /** The booklet cover when every handout has a current review. */
  bookletReviewedAll: string;
  /** The booklet cover otherwise: "{count} of {total} handouts ... have not been checked by a clinician ...". */
  bookletNotReviewed: string;
  /** The booklet's subtitle: "Handouts for patients and families". */
  bookletSubtitle: string;
  /** The heading of the booklet's list of contents: "Contents". */
  bookletContents: string;
  /** The words of the Handouts page's table (see scripts/handouts/listing.ts). */
  table: HandoutTableLabels;
}
