/**
 * The review records: who checked which page, when, and the exact content they
 * checked. One file per language, `src/content/reviews/<lang>.json`, written only
 * by `npm run review -- sign` and read by the same command, the site build and
 * the handouts. This schema is the contract both sides parse with.
 */
import { z } from 'astro/zod';
import { SUPPORTED_LANGUAGES } from '../lib/clinic-config.ts';
import { isIsoDay } from '../review/dates.ts';

const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 hex digits), as written by `npm run review -- sign`');

/** "Name, credentials": the person who is answerable for the check, and what qualifies them. */
export const reviewerSchema = z
  .string({ error: 'needs the reviewer: "Name, credentials", e.g. "Ana Ruiz, MD"' })
  .trim()
  .regex(
    /^[^,]*\S[^,]*,\s*\S.*$/,
    'must give the reviewer\'s name and credentials, separated by a comma, e.g. "Ana Ruiz, MD"',
  )
  .max(120, 'must be at most 120 characters (name and credentials only)');

/** One signed review of one page in one language. */
export const reviewRecordSchema = z
  .object({
    /** The page's id within its language: "risks-and-side-effects"; the home page is "index". */
    page: z
      .string()
      .regex(
        /^[a-z0-9-]+(\/[a-z0-9-]+)*$/,
        'must be a page id such as "risks-and-side-effects" (lowercase, no extension)',
      ),
    /** The edition that was checked. */
    lang: z.enum(SUPPORTED_LANGUAGES, { error: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` }),
    /** Who checked it, with credentials: "Ana Ruiz, MD". */
    reviewer: reviewerSchema,
    /** The day of the review, YYYY-MM-DD. */
    date: z.string().refine(isIsoDay, 'must be a date written YYYY-MM-DD'),
    /** Hash of the page's source file as it was checked (src/review/hash.ts). */
    contentSha256: sha256,
    /** For a translation: hash of the English page it was checked against, to tell when the English has moved on. */
    englishSha256: sha256.optional(),
  })
  .strict()
  .refine((record) => record.lang === 'en' || record.englishSha256 !== undefined, {
    message: "a translated page's review must record `englishSha256`, the English page it was checked against",
    path: ['englishSha256'],
  });

/** The whole file for one language; reviews in the order they were signed. */
export const reviewFileSchema = z
  .object({
    lang: z.enum(SUPPORTED_LANGUAGES, { error: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` }),
    reviews: z.array(reviewRecordSchema, { error: 'must be a list (empty until a clinician signs a page)' }),
  })
  .strict()
  .refine((file) => file.reviews.every((record) => record.lang === file.lang), {
    message: "every review must be of a page in the file's language",
    path: ['reviews'],
  });

export type ReviewRecord = z.infer<typeof reviewRecordSchema>;
export type ReviewFile = z.infer<typeof reviewFileSchema>;
