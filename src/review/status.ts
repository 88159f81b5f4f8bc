/**
 * Whether a page's review still stands, decided from its latest record, the
 * hash of its source file today and the clinic's review policy. Pure: the
 * caller passes "today", so the one place the build depends on the calendar is
 * explicit (see README, "Clinical review").
 */
import type { ReviewRecord } from '../contracts/review-records.ts';
import { addMonths, daysBetween, type IsoDay } from './dates.ts';

/** The clinic's review rules (`review` in clinic.config.ts). */
export interface ReviewPolicy {
  /** A review is good for this many months. */
  intervalMonths: number;
  /** The build warns this many days before a review falls due. */
  warnDays: number;
  /** Past the due date: show the notice, or stop the build. */
  overdue: 'notice' | 'fail';
}

export type ReviewState =
  /** No clinician has signed this page. */
  | { kind: 'unreviewed' }
  /** Signed, but the file has been edited since: the signature no longer covers what is published. */
  | { kind: 'changed'; review: ReviewRecord; due: IsoDay }
  /** Signed and unchanged, but the next review date has passed. */
  | { kind: 'overdue'; review: ReviewRecord; due: IsoDay }
  /** Signed, unchanged and in date; `dueSoon` within the policy's warning window. */
  | { kind: 'current'; review: ReviewRecord; due: IsoDay; dueSoon: boolean };

/** The day the next review of `review` is due. */
export function nextReviewDue(review: ReviewRecord, policy: Pick<ReviewPolicy, 'intervalMonths'>): IsoDay {
  return addMonths(review.date, policy.intervalMonths);
}

/** The state of one page. `review` is its latest record, if any; `contentSha256` the hash of its file now. */
export function reviewState(
  review: ReviewRecord | undefined,
  contentSha256: string,
  today: IsoDay,
  policy: ReviewPolicy,
): ReviewState {
  if (!review) return { kind: 'unreviewed' };
  const due = nextReviewDue(review, policy);
  if (review.contentSha256 !== contentSha256) return { kind: 'changed', review, due };
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return { kind: 'overdue', review, due };
  return { kind: 'current', review, due, dueSoon: daysLeft <= policy.warnDays };
}

/** True when a state must be flagged to readers (web and paper): anything but a current review. */
export function needsNotice(state: ReviewState): boolean {
  return state.kind !== 'current';
}

/**
 * For a translation: has the English page changed since this translation was
 * checked against it? Undefined when there is nothing to compare (no review, or
 * no English page).
 */
export function englishChangedSince(
  review: ReviewRecord | undefined,
  englishSha256: string | undefined,
): boolean | undefined {
  if (!review?.englishSha256 || englishSha256 === undefined) return undefined;
  return review.englishSha256 !== englishSha256;
}
