import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { SUPPORTED_LANGUAGES, type Language } from './clinic-config.ts';
import { entryLanguage } from './locales.ts';
import { buildFindings, collectStatuses } from '../review/report.ts';
import { localToday } from '../review/dates.ts';
import type { ReviewPolicy } from '../review/status.ts';

/**
 * Starlight's docs loader, minus the pages of editions the clinic does not build
 * (without this, a clinic that sets `languages: ['en']` would still publish
 * src/content/docs/es/ as untranslated-looking pages under /es/), plus the check
 * of every page's clinical review: a warning ahead of a due date, and a stop
 * when a review is overdue and the clinic's `review.overdue` is 'fail'. It runs
 * here because the loader runs once per build and dev start, before any page.
 */
export function guideDocsLoader(languages: readonly Language[], review: ReviewPolicy): Loader {
  const loader = docsLoader();
  const skipped = SUPPORTED_LANGUAGES.filter((language) => language !== 'en' && !languages.includes(language));
  return {
    ...loader,
    load: async (context) => {
      await loader.load(context);
      for (const id of context.store.keys()) {
        if (skipped.includes(entryLanguage(id))) context.store.delete(id);
      }
      const statuses = await collectStatuses(fileURLToPath(context.config.root), languages, review, localToday());
      const { warnings, errors } = buildFindings(statuses, review);
      for (const warning of warnings) context.logger.warn(`Clinical review: ${warning}`);
      if (errors.length > 0) {
        throw new Error(
          `Clinical review overdue (clinic.config.ts has review.overdue: 'fail'):\n${errors.map((error) => `  - ${error}`).join('\n')}\n` +
            "Or set review.overdue to 'notice' to publish these pages with a notice instead.",
        );
      }
    },
  };
}
