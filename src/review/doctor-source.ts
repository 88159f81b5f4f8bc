/**
 * The doctor's review advice (`npm run doctor`), from the signed review records:
 * the same states `npm run review -- status` prints, reduced to the pages that
 * need a clinician.
 */
import type { ReviewFinding, ReviewStatusSource } from '../lib/doctor.ts';
import type { ClinicConfig } from '../lib/clinic-config.ts';
import { localToday, type IsoDay } from './dates.ts';
import { pageLabel } from './pages.ts';
import { collectStatuses } from './report.ts';

/** Pages never signed, changed since they were signed, or past their due date, on `today`. */
export function reviewsFromRecords(
  root: string,
  clinic: Pick<ClinicConfig, 'languages' | 'review'>,
  today: IsoDay = localToday(),
): ReviewStatusSource {
  return {
    more: 'npm run review -- status',
    findings: async () =>
      (await collectStatuses(root, clinic.languages, clinic.review, today)).flatMap(
        ({ page, state }): ReviewFinding[] => {
          const file = pageLabel(page);
          if (state.kind === 'unreviewed')
            return [{ file, state: 'never-reviewed', detail: 'no clinician has signed it' }];
          if (state.kind === 'changed')
            return [
              {
                file,
                state: 'changed',
                detail: `edited after ${state.review.reviewer} signed it on ${state.review.date}`,
              },
            ];
          if (state.kind === 'overdue')
            return [
              {
                file,
                state: 'overdue',
                detail: `due ${state.due}, last reviewed ${state.review.date} by ${state.review.reviewer}`,
              },
            ];
          return [];
        },
      ),
  };
}
