import type { Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { SUPPORTED_LANGUAGES, type Language } from './clinic-config.ts';
import { entryLanguage } from './locales.ts';

/**
 * Starlight's docs loader, minus the pages of editions the clinic does not build:
 * without this, a clinic that sets `languages: ['en']` would still publish
 * src/content/docs/es/ as untranslated-looking pages under /es/.
 */
export function guideDocsLoader(languages: readonly Language[]): Loader {
  const loader = docsLoader();
  const skipped = SUPPORTED_LANGUAGES.filter((language) => language !== 'en' && !languages.includes(language));
  if (skipped.length === 0) return loader;
  return {
    ...loader,
    load: async (context) => {
      await loader.load(context);
      for (const id of context.store.keys()) {
        if (skipped.includes(entryLanguage(id))) context.store.delete(id);
      }
    },
  };
}
