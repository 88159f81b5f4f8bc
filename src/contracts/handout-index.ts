/**
 * Contract: `handout-pages.json` at the root of the built site. The site build
 * writes it (src/pages/handout-pages.json.ts); the handout renderer, the kiosk
 * server, the bench fixture and the tests read it. This schema is the only
 * definition of its shape.
 */
import { z } from 'astro/zod';
import { SUPPORTED_LANGUAGES } from '../lib/clinic-config.ts';
import type { GuideStringKey } from '../schemas/i18n.ts';

/** File name, at the root of the built site. */
export const HANDOUT_INDEX_FILE = 'handout-pages.json';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** A page's clinical review as its handout prints it. */
export const handoutReviewSchema = z
  .object({
    /**
     * The footer's review line in the page's language: "Reviewed by Ana Ruiz, MD on
     * November 20, 2026 · Next review due November 20, 2027", or a notice such as
     * "This page has not yet been checked by a clinician."
     */
    line: z.string().min(1),
    /** True when the line is a notice (never reviewed, changed since, overdue). */
    notice: z.boolean(),
    /** Day of the page's last review, if any: the PDF is dated with it, so rebuilding gives identical bytes. */
    date: isoDay.optional(),
  })
  .strict();

/** One page the handout renderer prints. */
export const handoutPageSchema = z
  .object({
    /** File name of the PDF, without extension: "risks-and-side-effects", or "es-risks-and-side-effects" in Spanish. */
    slug: z.string().min(1),
    /** Language of the page: the PDF's language tag and its header and footer text follow it. */
    lang: z.enum(SUPPORTED_LANGUAGES),
    title: z.string().min(1),
    description: z.string().optional(),
    /** Path of the page on the site, including the base path: "/risks-and-side-effects/". */
    path: z.string().startsWith('/', 'must be a site path starting with "/"'),
    /** What the handout says about the page's clinical review (see src/review/). */
    review: handoutReviewSchema,
    /** Position in the booklet (reading order). */
    order: z.number(),
    /** The page's source file, e.g. "src/content/docs/risks-and-side-effects.mdx": errors about its handouts name it. */
    source: z.string().optional(),
  })
  .strict();

/** The words of the Handouts page's table, with `{paper}` and `{count}` placeholders. */
export const handoutTableLabelsSchema = z
  .object({
    caption: z.string(),
    /** Heading of the first column: "Handout". */
    handout: z.string(),
    /** Link text of each file: "PDF". */
    file: z.string(),
    pageOne: z.string(),
    /** "{count} pages" */
    pageMany: z.string(),
    /** Said of the booklet: "every handout in one file". */
    booklet: z.string(),
    /** Said of a visit packet: "{count} handouts in one file". */
    packet: z.string(),
    letter: z.string(),
    a4: z.string(),
    /** "Large print, {paper}" */
    largePrint: z.string(),
    /** "One-sheet summary, {paper}" */
    sheet: z.string(),
  })
  .strict();

/** The words of a handout's header and footer in one language, with `{page}`, `{total}` and `{count}` placeholders. */
export const handoutLabelsSchema = z
  .object({
    /** "Page {page} of {total}" */
    pageOf: z.string(),
    /** The booklet cover when every handout has a current review. */
    bookletReviewedAll: z.string(),
    /** The booklet cover otherwise: "{count} of {total} handouts ... have not been checked by a clinician ...". */
    bookletNotReviewed: z.string(),
    /** The booklet's subtitle: "Handouts for patients and families". */
    bookletSubtitle: z.string(),
    /** The heading of the booklet's list of contents: "Contents". */
    bookletContents: z.string(),
    /** A visit packet's write-in cover and its filler page (see src/handouts/assembled.ts). */
    packet: z
      .object({
        patientName: z.string(),
        date: z.string(),
        nextAppointment: z.string(),
        questions: z.string(),
        blankPage: z.string(),
        /** The footer's review line of a packet (the booklet's words say "booklet"). */
        reviewedAll: z.string(),
        notReviewed: z.string(),
      })
      .strict(),
    /** The words of the Handouts page's table (see src/handouts/listing.ts). */
    table: handoutTableLabelsSchema,
    /** The PDFs' document titles and subject (a viewer shows them), with `{title}` and `{clinic}`, and the topic words. */
    pdf: z
      .object({
        bookletTitle: z.string(),
        bookletSubject: z.string(),
        largePrintTitle: z.string(),
        sheetTitle: z.string(),
        /** The clinic's topic words (clinic.config.ts `keywords`), stored in every PDF's keywords. */
        keywords: z.array(z.string()),
        packetSubject: z.string(),
      })
      .strict(),
  })
  .strict();

export const handoutIndexSchema = z
  .object({
    /** The site's public URL (Astro `site`), used for source links and QR codes. */
    site: z.url(),
    /** Astro `base`, e.g. "/" or "/patient-guide/". */
    base: z
      .string()
      .regex(/^\/(.+\/)?$/, 'must be a base path that starts and ends with "/", e.g. "/" or "/patient-guide/"'),
    pages: z.array(handoutPageSchema),
    /** Header and footer words by language, from the site's dictionary (src/content/i18n/). */
    labels: z.partialRecord(z.enum(SUPPORTED_LANGUAGES), handoutLabelsSchema),
  })
  .strict()
  .superRefine((index, ctx) => {
    // Every language printed needs its words: there is no fallback copy of the dictionary.
    for (const [i, page] of index.pages.entries()) {
      if (!index.labels[page.lang])
        ctx.addIssue({
          code: 'custom',
          path: ['pages', i, 'lang'],
          message: `is "${page.lang}", but \`labels\` has no words for it`,
        });
    }
  });

export type HandoutReview = z.output<typeof handoutReviewSchema>;
export type HandoutPage = z.output<typeof handoutPageSchema>;
export type HandoutTableLabels = z.output<typeof handoutTableLabelsSchema>;
export type HandoutLabels = z.output<typeof handoutLabelsSchema>;
export type HandoutIndex = z.output<typeof handoutIndexSchema>;

/** Looks up one of the guide's dictionary words (src/content/i18n/) in a language. */
export type Translate = (key: GuideStringKey) => string;

/** The handout words of one language, from the site's dictionary and the clinic's topic words: the one mapping of keys to fields. */
export function handoutLabelsFrom(t: Translate, keywords: readonly string[]): HandoutLabels {
  return {
    pageOf: t('guide.handout.pageOf'),
    bookletReviewedAll: t('guide.booklet.reviewedAll'),
    bookletNotReviewed: t('guide.booklet.notReviewed'),
    bookletSubtitle: t('guide.booklet.subtitle'),
    bookletContents: t('guide.booklet.contents'),
    packet: {
      patientName: t('guide.packet.patientName'),
      date: t('guide.packet.date'),
      nextAppointment: t('guide.packet.nextAppointment'),
      questions: t('guide.packet.questions'),
      blankPage: t('guide.packet.blankPage'),
      reviewedAll: t('guide.packet.reviewedAll'),
      notReviewed: t('guide.packet.notReviewed'),
    },
    table: {
      caption: t('guide.handouts.caption'),
      handout: t('guide.handouts.column'),
      file: t('guide.handouts.file'),
      pageOne: t('guide.handouts.pageOne'),
      pageMany: t('guide.handouts.pageMany'),
      booklet: t('guide.handouts.booklet'),
      packet: t('guide.handouts.packet'),
      letter: t('guide.paper.letter'),
      a4: t('guide.paper.a4'),
      largePrint: t('guide.handout.largePrint'),
      sheet: t('guide.sheet.link'),
    },
    pdf: {
      bookletTitle: t('guide.pdf.bookletTitle'),
      bookletSubject: t('guide.pdf.bookletSubject'),
      largePrintTitle: t('guide.pdf.largePrintTitle'),
      sheetTitle: t('guide.pdf.sheetTitle'),
      keywords: [...keywords],
      packetSubject: t('guide.pdf.packetSubject'),
    },
  };
}

/** The index as the site writes it: checked against the schema first, so a wrong shape never reaches the disk. */
export function serializeHandoutIndex(index: HandoutIndex): string {
  return `${JSON.stringify(handoutIndexSchema.parse(index), null, 2)}\n`;
}
