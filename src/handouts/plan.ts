/**
 * Turns the command line into the list of PDFs to make: one job per page,
 * paper size and kind, plus one booklet per paper size.
 */
import { bookletFile, bookletSlug, handoutFile, type HandoutKind, type PaperSize } from '../lib/handout-files.ts';
import type { HandoutOptions } from './options.ts';
import { UsageError, type HandoutPage } from './pages.ts';

export interface HandoutJob {
  type: 'handout';
  page: HandoutPage;
  paper: PaperSize;
  kind: HandoutKind;
  /** Path relative to the handouts folder. */
  file: string;
}

export interface BookletJob {
  type: 'booklet';
  /** Language of the edition; a booklet holds one language. */
  lang: string;
  /** Every handout page of that language, in reading order. */
  pages: HandoutPage[];
  paper: PaperSize;
  file: string;
}

export type Job = HandoutJob | BookletJob;

/** Chooses pages by slug; an unknown slug is an error that lists the valid ones. */
export function selectPages(pages: HandoutPage[], only: string[]): HandoutPage[] {
  if (only.length === 0) return pages;
  const known = new Set(pages.map((page) => page.slug));
  const unknown = only.filter((slug) => !known.has(slug));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown page${unknown.length > 1 ? 's' : ''} for --only: ${unknown.join(', ')}\nValid pages: ${[...known].join(', ')}`,
    );
  }
  return pages.filter((page) => only.includes(page.slug));
}

type PlanOptions = Pick<
  HandoutOptions,
  'only' | 'languages' | 'papers' | 'sheets' | 'standard' | 'largePrint' | 'booklet'
>;

/** Keeps the pages of the chosen editions; an unknown language is an error that lists the valid ones. */
export function selectLanguages(pages: HandoutPage[], languages: string[]): HandoutPage[] {
  if (languages.length === 0) return pages;
  const known = [...new Set(pages.map((page) => page.lang))];
  const unknown = languages.filter((lang) => !known.includes(lang as HandoutPage['lang']));
  if (unknown.length > 0)
    throw new UsageError(`Unknown language for --lang: ${unknown.join(', ')}\nValid languages: ${known.join(', ')}`);
  return pages.filter((page) => languages.includes(page.lang));
}

/** Booklets first: each is the longest single job, so it should start before the short ones. */
export function planJobs(sitePages: HandoutPage[], options: PlanOptions): Job[] {
  const allPages = selectLanguages(sitePages, options.languages);
  const pages = selectPages(allPages, options.only);
  const kinds: HandoutKind[] = [
    ...(options.sheets ? (['sheet'] as const) : []),
    ...(options.standard ? (['standard'] as const) : []),
    ...(options.largePrint ? (['large-print'] as const) : []),
  ];
  const jobs: Job[] = [];
  if (options.booklet) {
    const languages = [...new Set(allPages.map((page) => page.lang))];
    for (const lang of languages) {
      const edition = allPages.filter((page) => page.lang === lang);
      for (const paper of options.papers)
        jobs.push({ type: 'booklet', lang, pages: edition, paper, file: bookletFile(paper, lang) });
    }
  }
  for (const kind of kinds) {
    for (const paper of options.papers) {
      for (const page of pages)
        jobs.push({ type: 'handout', page, paper, kind, file: handoutFile(page.slug, paper, kind) });
    }
  }
  return jobs;
}

/**
 * The last run's PDFs that stay published although this run did not make them: those of
 * pages outside --only, or kinds the run was not asked for. A PDF on a paper the run does
 * not print on is stale (the clinic changed `paperSize`, or `--paper a4`) and goes, as does
 * one whose page is gone.
 */
export function carriedOver<Entry extends { file: string; slug: string; paper: PaperSize }>(
  previous: readonly Entry[],
  jobs: readonly Job[],
  pages: readonly HandoutPage[],
  papers: readonly PaperSize[],
): Entry[] {
  const planned = new Set(jobs.map((job) => job.file));
  const current = new Set([...pages.map((page) => bookletSlug(page.lang)), ...pages.map((page) => page.slug)]);
  return previous.filter(
    (entry) => !planned.has(entry.file) && current.has(entry.slug) && papers.includes(entry.paper),
  );
}
