/**
 * Reading and writing the review record files (src/content/reviews/<lang>.json),
 * always through the schema in src/contracts/review-records.ts. Writes are
 * atomic: a new file is written beside the old one and renamed over it, so a
 * crash never leaves half a record file.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { reviewFileSchema, type ReviewFile, type ReviewRecord } from '../contracts/review-records.ts';
import type { Language } from '../lib/clinic-config.ts';

/** Where the records of one language live, under the project root. */
export function reviewFilePath(root: string, lang: Language): string {
  return join(root, 'src', 'content', 'reviews', `${lang}.json`);
}

/** A problem with the records or with what was asked of them, said so a person can fix it. */
export class ReviewError extends Error {
  override name = 'ReviewError';
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  - \`${issue.path.map(String).join('.') || '(file)'}\` ${issue.message}`).join('\n');
}

/** The records of one language; a missing file means no page has been reviewed yet. */
export async function readReviewFile(root: string, lang: Language): Promise<ReviewFile> {
  const path = reviewFilePath(root, lang);
  const name = relative(root, path);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ReviewError(`cannot read ${name} (${error.code ?? error.message})`);
  });
  if (text === undefined) return { lang, reviews: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReviewError(
      `${name} is not valid JSON (${(error as Error).message}). Restore it from version control; it is written by \`npm run review -- sign\`.`,
    );
  }
  const result = reviewFileSchema.safeParse(data);
  if (!result.success)
    throw new ReviewError(
      `${name} is not a valid review record file:\n${describeIssues(result.error.issues)}\nRestore it from version control; it is written by \`npm run review -- sign\`.`,
    );
  if (result.data.lang !== lang)
    throw new ReviewError(
      `${name} says \`"lang": "${result.data.lang}"\` but holds the ${lang} records; fix the \`lang\` field`,
    );
  return result.data;
}

/**
 * The review that counts for each page: the latest by date, and of two on the
 * same day the one signed last.
 */
export function latestReviews(file: ReviewFile): Map<string, ReviewRecord> {
  const latest = new Map<string, ReviewRecord>();
  for (const record of file.reviews) {
    const previous = latest.get(record.page);
    if (!previous || record.date >= previous.date) latest.set(record.page, record);
  }
  return latest;
}

/** Serialises a record file: validated again, two-space JSON, one trailing newline (stable diffs). */
export function serialiseReviewFile(file: ReviewFile): string {
  return `${JSON.stringify(reviewFileSchema.parse(file), null, 2)}\n`;
}

/**
 * Writes several record files so that either all of them change or none does:
 * every new file is written in full first, then each is renamed into place.
 */
export async function writeReviewFiles(root: string, files: ReviewFile[]): Promise<void> {
  const staged = files.map((file) => {
    const path = reviewFilePath(root, file.lang);
    return { path, temp: `${path}.${process.pid}.tmp`, text: serialiseReviewFile(file) };
  });
  try {
    for (const { temp, text } of staged) await writeFile(temp, text, { flag: 'wx' });
    for (const { temp, path } of staged) await rename(temp, path);
  } finally {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
  }
}
