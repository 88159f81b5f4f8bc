/**
 * The review state of every page, as `npm run review -- status` prints it and
 * as the build checks it (warnings ahead of a due date, failure when overdue
 * if the clinic asks for it).
 */
import type { Language } from '../lib/clinic-config.ts';
import { fileContentHash } from './hash.ts';
import { listReviewablePages, pageLabel, type ReviewablePage } from './pages.ts';
import { latestReviews, readReviewFile } from './records.ts';
import { englishChangedSince, reviewState, type ReviewPolicy, type ReviewState } from './status.ts';
import type { IsoDay } from './dates.ts';

export interface PageStatus {
  page: ReviewablePage;
  state: ReviewState;
  /** Translations only: whether the English page changed since this one was checked (undefined: not reviewed). */
  englishChanged?: boolean;
}

/** Reads every page and every record file once and works out each page's state on `today`. */
export async function collectStatuses(
  root: string,
  languages: readonly Language[],
  policy: ReviewPolicy,
  today: IsoDay,
): Promise<PageStatus[]> {
  const pages = await listReviewablePages(root, languages);
  const hashes = new Map(
    await Promise.all(pages.map(async (page) => [pageLabel(page), await fileContentHash(page.file)] as const)),
  );
  const statuses: PageStatus[] = [];
  for (const lang of languages) {
    const latest = latestReviews(await readReviewFile(root, lang));
    for (const page of pages.filter((candidate) => candidate.lang === lang)) {
      const review = latest.get(page.page);
      const state = reviewState(review, hashes.get(pageLabel(page)) ?? '', today, policy);
      if (lang === 'en') statuses.push({ page, state });
      else statuses.push({ page, state, englishChanged: englishChangedSince(review, hashes.get(page.page)) });
    }
  }
  return statuses;
}

/** What the build should say: warnings to print, and errors that stop it (overdue with `overdue: 'fail'`). */
export function buildFindings(statuses: PageStatus[], policy: ReviewPolicy): { warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const { page, state, englishChanged } of statuses) {
    const name = `${pageLabel(page)} (${page.file})`;
    if (state.kind === 'current' && state.dueSoon)
      warnings.push(
        `${name}: its next clinical review is due on ${state.due}. Have it checked and run \`npm run review -- sign ${pageLabel(page)} --by "<name, credentials>"\`.`,
      );
    if (state.kind === 'overdue') {
      const message = `${name}: its clinical review was due on ${state.due} (last reviewed ${state.review.date} by ${state.review.reviewer}). Have it checked and run \`npm run review -- sign ${pageLabel(page)} --by "<name, credentials>"\`.`;
      (policy.overdue === 'fail' ? errors : warnings).push(message);
    }
    if (englishChanged)
      warnings.push(
        `${name}: the English page changed after this translation was reviewed; update the translation if needed and have it signed again.`,
      );
  }
  return { warnings, errors };
}
