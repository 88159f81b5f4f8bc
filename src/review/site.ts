/**
 * The review state of a built page, for the site's components and the handout
 * list. Only this file knows about Astro: it finds the project root and the
 * clinic's policy; the decisions are made in status.ts.
 *
 * "Today" is read once per build (BUILD_DAY). It is the only date in the output
 * that is not in the records, and it matters only on the day a review falls
 * overdue: two builds of the same content give the same pages and handouts
 * unless a due date passed in between (see README, "Clinical review").
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { clinic } from '../../clinic.config';
import { entryLanguage, entrySlugWithinLanguage } from '../lib/locales';
import { localToday } from './dates';
import { fileContentHash } from './hash';
import { latestReviews, readReviewFile } from './records';
import { reviewState, type ReviewState } from './status';
import type { ReviewTemplates } from './words';

/** The day this build treats as today. */
export const BUILD_DAY = localToday();

const projectRoot = fileURLToPath(root);

/** A content entry as far as reviews care: its id and its source file (relative to the project root). */
export interface ReviewedEntry {
  id: string;
  filePath?: string | undefined;
}

/** The state of one page's review today. A page without a source file (Starlight's 404) counts as unreviewed. */
export async function entryReviewState(entry: ReviewedEntry): Promise<ReviewState> {
  if (!entry.filePath) return { kind: 'unreviewed' };
  const lang = entryLanguage(entry.id);
  const review = latestReviews(await readReviewFile(projectRoot, lang)).get(entrySlugWithinLanguage(entry.id));
  const hash = await fileContentHash(join(projectRoot, entry.filePath));
  return reviewState(review, hash, BUILD_DAY, clinic.review);
}

/** The review words of one language from the dictionary (`t` is Astro.locals.t). */
export function reviewTemplates(t: App.Locals['t'], lng: string): ReviewTemplates {
  return {
    current: t('guide.review.current', { lng }),
    unreviewed: t('guide.review.unreviewed', { lng }),
    changed: t('guide.review.changed', { lng }),
    overdue: t('guide.review.overdue', { lng }),
    last: t('guide.review.last', { lng }),
    advice: t('guide.review.advice', { lng }),
  };
}
