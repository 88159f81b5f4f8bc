/**
 * Records that a named, qualified person checked pages today (or on a given
 * past day): one record per page, holding the hash of exactly what they read.
 * Everything is checked before anything is written, and the record files are
 * replaced atomically, so bad input changes nothing.
 */
import { reviewerSchema, type ReviewRecord } from '../contracts/review-records.ts';
import type { Language } from '../lib/clinic-config.ts';
import { isIsoDay, type IsoDay } from './dates.ts';
import { fileContentHash } from './hash.ts';
import { findPage, listReviewablePages, pageLabel, type ReviewablePage } from './pages.ts';
import { readReviewFile, ReviewError, writeReviewFiles } from './records.ts';

export interface SignRequest {
  /** Project root (holds src/content/). */
  root: string;
  /** Editions the clinic builds (clinic.config.ts `languages`). */
  languages: readonly Language[];
  /** Pages as the person named them: "glossary", "es/glossary". */
  pages: string[];
  /** "Name, credentials". */
  by: string | undefined;
  /** Day of the review, YYYY-MM-DD; defaults to `today`. */
  date?: string | undefined;
  today: IsoDay;
}

function checkReviewer(by: string | undefined): string {
  if (by === undefined || by.trim() === '')
    throw new ReviewError('--by is required: the reviewer\'s name and credentials, e.g. --by "Ana Ruiz, MD"');
  const result = reviewerSchema.safeParse(by);
  if (!result.success)
    throw new ReviewError(`--by ${result.error.issues[0]?.message ?? 'is not valid'} (got ${JSON.stringify(by)})`);
  return result.data;
}

function checkDate(date: string | undefined, today: IsoDay): IsoDay {
  if (date === undefined) return today;
  if (!isIsoDay(date))
    throw new ReviewError(
      `--date must be a real day written YYYY-MM-DD, e.g. --date ${today} (got ${JSON.stringify(date)})`,
    );
  if (date > today)
    throw new ReviewError(`--date ${date} is in the future; give the day the review actually took place`);
  return date;
}

/** Signs `request.pages` and returns the new records. Throws a ReviewError, writing nothing, on any bad input. */
export async function signPages(request: SignRequest): Promise<ReviewRecord[]> {
  const reviewer = checkReviewer(request.by);
  const date = checkDate(request.date, request.today);
  if (request.pages.length === 0)
    throw new ReviewError('name at least one page to sign, e.g. `npm run review -- sign glossary --by "Ana Ruiz, MD"`');
  const all = await listReviewablePages(request.root, request.languages);
  const chosen = new Map<string, ReviewablePage>();
  for (const name of request.pages) {
    const page = findPage(all, name, request.languages);
    chosen.set(pageLabel(page), page);
  }
  const files = new Map(
    await Promise.all(request.languages.map(async (lang) => [lang, await readReviewFile(request.root, lang)] as const)),
  );
  const records: ReviewRecord[] = [];
  for (const page of chosen.values()) {
    const record: ReviewRecord = {
      page: page.page,
      lang: page.lang,
      reviewer,
      date,
      contentSha256: await fileContentHash(page.file),
    };
    if (page.lang !== 'en') {
      const english = all.find((candidate) => candidate.lang === 'en' && candidate.page === page.page);
      if (!english)
        throw new ReviewError(
          `${pageLabel(page)} has no English page "${page.page}" to be checked against; a translation is signed together with the English it translates`,
        );
      record.englishSha256 = await fileContentHash(english.file);
    }
    records.push(record);
  }
  const touched = [...new Set(records.map((record) => record.lang))];
  await writeReviewFiles(
    request.root,
    touched.map((lang) => {
      const file = files.get(lang) ?? { lang, reviews: [] };
      return { lang, reviews: [...file.reviews, ...records.filter((record) => record.lang === lang)] };
    }),
  );
  return records;
}
