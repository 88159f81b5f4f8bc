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
  /** Review date, YYYY-MM-DD. */
  reviewed: string;
  /** Position in the booklet (reading order). */
  order: number;
}

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
  const root = base.endsWith('/') ? base : `${base}/`;
  return entryId === 'index' ? root : `${root}${entryId}/`;
}

/** Pages that get a handout: English first, then each translation, each in reading order (handout.order, then sidebar order, then title). */
export function listHandoutPages(entries: CollectionEntry<'docs'>[], base: string): HandoutPage[] {
  return entries
    .filter((entry) => entry.data.handout.include)
    .map((entry) => ({
      slug: handoutSlug(entry.id),
      lang: entryLanguage(entry.id),
      title: entry.data.title,
      description: entry.data.description,
      path: pagePath(entry.id, base),
      reviewed: entry.data.reviewed.toISOString().slice(0, 10),
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

/** The words of a handout's header and footer in one language, with `{page}`, `{total}` and `{date}` placeholders. */
export interface HandoutLabels {
  /** "Page {page} of {total}" */
  pageOf: string;
  /** "Reviewed {date}" */
  reviewed: string;
  /** The booklet's subtitle: "Handouts for patients and families". */
  bookletSubtitle: string;
  /** The heading of the booklet's list of contents: "Contents". */
  bookletContents: string;
  /** The words of the Handouts page's table (see scripts/handouts/listing.ts). */
  table: HandoutTableLabels;
  /** The PDFs' document titles and subject (a viewer shows them), with `{title}` and `{clinic}`; English when left out. */
  pdf?: { bookletTitle: string; bookletSubject: string; largePrintTitle: string };
}
