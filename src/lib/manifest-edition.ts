import type { ClinicConfig, Language } from './clinic-config.ts';
import type { GuideStringKey } from '../schemas/i18n.ts';
import { fillText } from './placeholders.ts';
import type { ManifestEdition } from './web-app-manifest.ts';

/**
 * The words of an edition's web app manifest: the clinic's titles and description
 * (clinic.config.ts) and the site's dictionary (`t` is Astro.locals.t).
 */
export function manifestEdition(
  t: (key: GuideStringKey, options: { lng: string }) => string,
  lang: Language,
  clinic: Pick<ClinicConfig, 'name' | 'title' | 'shortTitle' | 'description'>,
): ManifestEdition {
  const shortTitle = clinic.shortTitle[lang];
  return {
    lang,
    folder: lang === 'en' ? '' : `${lang}/`,
    name: fillText(t('guide.manifest.name', { lng: lang }), { shortTitle, clinic: clinic.name }),
    short_name: shortTitle,
    description: `${fillText(clinic.description[lang], { clinic: clinic.name })} ${t('guide.manifest.offline', { lng: lang })}`,
  };
}
