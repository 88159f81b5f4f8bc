import { clinic, type ClinicConfig } from '../../clinic.config.ts';
import { faviconFile, PNG_ICONS } from './app-icons.ts';
import { normalizeBase } from './base-path.ts';

/** Colours of the installed app's splash screen and title bar (the clinic's brand colour); the icon's background. */
export const THEME_COLOR = clinic.brandColor;
export const BACKGROUND_COLOR = '#ffffff';

/** The fields of a web app manifest this site uses (see the W3C "Web Application Manifest" spec). */
export interface WebAppManifest {
  id?: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose?: 'any' | 'maskable' }>;
}

/** The manifest's words in one language (the clinic's titles, and src/content/i18n/ `guide.manifest.*`), ready to use. */
export interface ManifestEdition {
  lang: string;
  /** The edition's folder below the base path: "" for English, "es/" for Spanish. */
  folder: string;
  /** "Ketamine guide: Riverside Ketamine Clinic" */
  name: string;
  /** The short title (clinic.config.ts `shortTitle`), under the home-screen icon. */
  short_name: string;
  /** The clinic's `description`, then "Works offline after the first visit." */
  description: string;
}

/**
 * The manifest that lets a patient add the guide to a phone's home screen, in one edition's
 * language (a Spanish page links the Spanish manifest, so the installed app opens in Spanish).
 * Every URL includes the base path, so it also works when the site lives under a sub-path.
 */
export function webAppManifest(
  clinic: Pick<ClinicConfig, 'logo'>,
  base: string,
  edition: ManifestEdition,
): WebAppManifest {
  const root = normalizeBase(base);
  const favicon = faviconFile(clinic.logo);
  return {
    name: edition.name,
    short_name: edition.short_name,
    description: edition.description,
    lang: edition.lang,
    // Its own start page; the scope is the whole site, which the service worker also covers.
    ...(edition.folder ? { id: `${root}${edition.folder}` } : {}),
    start_url: `${root}${edition.folder}`,
    scope: root,
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    // Drawn from the clinic's logo at build time (src/lib/app-icons.ts); iOS's own icon is in the <head>.
    icons: [
      ...(favicon.endsWith('.svg')
        ? [{ src: `${root}icons/${favicon}`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' as const }]
        : []),
      ...PNG_ICONS.filter((icon) => icon.style !== 'opaque').map((icon) => ({
        src: `${root}icons/${icon.file}`,
        sizes: `${icon.size}x${icon.size}`,
        type: 'image/png',
        purpose: icon.style === 'maskable' ? ('maskable' as const) : ('any' as const),
      })),
    ],
  };
}

/** Where an edition's manifest is served, below the base path: "manifest.webmanifest", "es/manifest.webmanifest". */
export function manifestPath(folder: string): string {
  return `${folder}manifest.webmanifest`;
}
