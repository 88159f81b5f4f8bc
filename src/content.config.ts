import { defineCollection } from 'astro:content';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { clinic } from '../clinic.config';
import { guideDocsLoader } from './lib/docs-loader';
import { guideStringsSchema } from './schemas/i18n';
import { patientPageSchema } from './schemas/page';

export const collections = {
  docs: defineCollection({
    // English pages at the top of src/content/docs/, translations in a folder per language (es/).
    loader: guideDocsLoader(clinic.languages, clinic.review),
    schema: docsSchema({ extend: patientPageSchema }),
  }),
  // Our own interface strings (src/content/i18n/en.json, es.json), read with Astro.locals.t().
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: guideStringsSchema }) }),
};
