import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { clinic } from '../../clinic.config';
import { listHandoutPages, type HandoutLabels } from '../lib/handout-pages';

/**
 * The list of pages to print, written into the built site so that
 * scripts/pdf.ts works from `dist/` alone and never re-reads the content.
 */
export const GET: APIRoute = async ({ locals }) => {
  // The same dictionary the pages use (src/content/i18n/), one entry per language built.
  const labels: Record<string, HandoutLabels> = Object.fromEntries(
    clinic.languages.map((lng) => [
      lng,
      {
        pageOf: locals.t('guide.handout.pageOf', { lng }),
        reviewed: locals.t('guide.handout.reviewed', { lng }),
        bookletSubtitle: locals.t('guide.booklet.subtitle', { lng }),
        bookletContents: locals.t('guide.booklet.contents', { lng }),
        pdf: {
          bookletTitle: locals.t('guide.pdf.bookletTitle', { lng }),
          bookletSubject: locals.t('guide.pdf.bookletSubject', { lng }),
          largePrintTitle: locals.t('guide.pdf.largePrintTitle', { lng }),
        },
        table: {
          caption: locals.t('guide.handouts.caption', { lng }),
          handout: locals.t('guide.handouts.column', { lng }),
          file: locals.t('guide.handouts.file', { lng }),
          pageOne: locals.t('guide.handouts.pageOne', { lng }),
          pageMany: locals.t('guide.handouts.pageMany', { lng }),
          booklet: locals.t('guide.handouts.booklet', { lng }),
          letter: locals.t('guide.paper.letter', { lng }),
          a4: locals.t('guide.paper.a4', { lng }),
          largePrint: locals.t('guide.handout.largePrint', { lng }),
        },
      },
    ]),
  );
  const base = import.meta.env.BASE_URL;
  const body = {
    site: import.meta.env.SITE,
    base,
    pages: listHandoutPages(await getCollection('docs'), base),
    labels,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
