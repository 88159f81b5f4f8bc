import type { Language } from './clinic-config.ts';
import type { GuideStringKey } from '../schemas/i18n.ts';
import type { ManifestEdition } from './web-app-manifest.ts';

/** The words of an edition's web app manifest, from the site's dictionary (`t` is Astro.locals.t). */
export function manifestEdition(
  t: (key: GuideStringKey, options: { lng: string }) => string,
  lang: Language,
): ManifestEdition {
  return {
    lang,
    folder: lang === 'en' ? '' : `${lang}/`,
    name: t('guide.manifest.name', { lng: lang }),
    short_name: t('guide.manifest.shortName', { lng: lang }),
    description: t('guide.manifest.description', { lng: lang }),
  };
}
