import { z } from 'astro/zod';

/**
 * Frontmatter fields every patient page carries on top of Starlight's own.
 * This schema is the single source of truth for the type and for the check:
 * `src/content.config.ts` extends Starlight's docs schema with it, and
 * `tests/unit/page-schema.test.ts` feeds it good and bad samples.
 */

const currentYear = (): number => new Date().getUTCFullYear();

/** One published source that backs the medical facts on a page. */
export const sourceSchema = z.object({
  /** Title of the label, article, guideline or agency page. */
  title: z
    .string({ error: 'needs a `title` (text): the name of the label, article or web page' })
    .trim()
    .min(1, 'needs a non-empty `title`'),
  /** Who published it: an agency (FDA, DEA), a journal or a professional body. */
  publisher: z
    .string({ error: 'needs a `publisher` (text), e.g. "FDA" or "JAMA Psychiatry"' })
    .trim()
    .min(1, 'needs a non-empty `publisher`'),
  /** Year of publication (or of the version cited). */
  year: z
    .number({ error: 'needs a `year` written as a number, e.g. 2019' })
    .int('`year` must be a whole number, e.g. 2019')
    .min(1900, '`year` must be 1900 or later')
    .refine((year) => year <= currentYear(), { message: '`year` cannot be in the future' }),
  /**
   * Where a reader can find it. Optional: some sources are print-only. http(s) only:
   * a `javascript:` or `data:` address would run code when a patient clicks the link.
   */
  url: z.url({ protocol: /^https?$/, error: '`url` must be a full web address starting with https://' }).optional(),
});

/** Whether and where a page appears as a printed handout. */
export const handoutSchema = z
  .object({
    /** Set to false for pages that make no sense on paper. */
    include: z.boolean({ error: '`handout.include` must be true or false' }).default(true),
    /** Position in the booklet; lower comes first. Defaults to the sidebar order. */
    order: z
      .number({ error: '`handout.order` must be a number' })
      .int('`handout.order` must be a whole number')
      .optional(),
  })
  .default({ include: true });

/**
 * A hand-written review date is a claim nothing backs, so the field is refused:
 * the review line comes from the signed records (src/content/reviews/, written by
 * `npm run review -- sign`), which name the reviewer and hash what they read.
 */
const noHandWrittenReview = z
  .undefined({
    error:
      '`reviewed` cannot be written by hand: remove this line. A review is recorded when a clinician signs the page: ' +
      'npm run review -- sign <page> --by "<name, credentials>" (see README, "Clinical review")',
  })
  .optional();

/** The extra frontmatter fields of a patient page. */
export const patientPageSchema = z.object({
  /** Refused: reviews live in the signed records, not in frontmatter. */
  reviewed: noHandWrittenReview,
  /** The sources behind the page's medical facts. At least one. */
  sources: z
    .array(sourceSchema, { error: 'needs `sources`: a list of the sources this page is based on' })
    .min(1, 'needs at least one entry in `sources`'),
  /**
   * The "What to know" paragraph shown at the top of the page: the main message
   * first, in plain words. Markdown links (`[off-label](/glossary/#off-label)`)
   * are allowed and rendered as links; nothing else is interpreted.
   */
  summary: z
    .string({
      error: 'needs `summary`: one short plain-language paragraph with the main message, shown as "What to know"',
    })
    .trim()
    .min(1, 'needs a non-empty `summary`'),
  /** Print options for this page's handout. */
  handout: handoutSchema,
  /**
   * What the page's one-sheet summary shows besides its title, "What to know", the help box,
   * the clinic's contact and the Read-more code: the ids of the page's own sections (its
   * headings' `#anchors`), in any order; they print in page order. An id that names no
   * heading of the page stops the build with the valid ones (src/lib/sheet.ts).
   */
  sheet: z
    .array(
      z
        .string({ error: '`sheet` lists heading ids (text), e.g. "when-to-call"' })
        .regex(/^[^\s"<>]+$/, '`sheet` entries are heading ids, as in the page address after "#": no spaces or quotes'),
      { error: '`sheet` must be a list of the heading ids of the sections the one-sheet summary shows' },
    )
    .min(1, '`sheet` needs at least one heading id; leave the field out for a sheet with the summary and help box only')
    .optional(),
});

export type Source = z.infer<typeof sourceSchema>;
export type HandoutOptions = z.infer<typeof handoutSchema>;
export type PatientPage = z.infer<typeof patientPageSchema>;
