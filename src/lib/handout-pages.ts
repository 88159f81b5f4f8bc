import type { CollectionEntry } from 'astro:content';

/** One page the handout renderer prints, as listed in `dist/handout-pages.json`. */
export interface HandoutPage {
  /** File name of the PDF, without extension: "risks-and-side-effects". */
  slug: string;
  title: string;
  description: string | undefined;
  /** Path of the page on the site, including the base path: "/risks-and-side-effects/". */
  path: string;
  /** Review date, YYYY-MM-DD. */
  reviewed: string;
  /** Position in the booklet (reading order). */
  order: number;
}

/** The home page's id is "index"; its handout gets a name a person would look for. */
export function handoutSlug(entryId: string): string {
  return entryId === 'index' ? 'start-here' : entryId.replaceAll('/', '-');
}

/** The site path of a docs entry under the configured base path. */
export function pagePath(entryId: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return entryId === 'index' ? root : `${root}${entryId}/`;
}

/** Pages that get a handout, in reading order (handout.order, then sidebar order, then title). */
export function listHandoutPages(entries: CollectionEntry<'docs'>[], base: string): HandoutPage[] {
  return entries
    .filter((entry) => entry.data.handout.include)
    .map((entry) => ({
      slug: handoutSlug(entry.id),
      title: entry.data.title,
      description: entry.data.description,
      path: pagePath(entry.id, base),
      reviewed: entry.data.reviewed.toISOString().slice(0, 10),
      order: entry.data.handout.order ?? entry.data.sidebar.order ?? Number.MAX_SAFE_INTEGER,
    }))
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}
