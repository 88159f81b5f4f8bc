import { clinic, type ClinicConfig } from '../../clinic.config.ts';
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

/** The manifest's words in one language (from src/content/i18n/, `guide.manifest.*`). */
export interface ManifestEdition {
  lang: string;
  /** The edition's folder below the base path: "" for English, "es/" for Spanish. */
  folder: string;
  /** "Ketamine therapy guide: {clinic}" */
  name: string;
  short_name: string;
  /** "Plain-language answers … from {clinic}. …" */
  description: string;
}

const ENGLISH: ManifestEdition = {
  lang: 'en',
  folder: '',
  name: 'Ketamine therapy guide: {clinic}',
  short_name: 'Patient guide',
  description:
    'Plain-language answers about ketamine-assisted therapy from {clinic}. Works offline after the first visit.',
};

/**
 * The manifest that lets a patient add the guide to a phone's home screen, in one edition's
 * language (a Spanish page links the Spanish manifest, so the installed app opens in Spanish).
 * Every URL includes the base path, so it also works when the site lives under a sub-path.
 */
export function webAppManifest(
  clinic: Pick<ClinicConfig, 'name'>,
  base: string,
  edition: ManifestEdition = ENGLISH,
): WebAppManifest {
  const root = normalizeBase(base);
  const fill = (text: string): string => text.replaceAll('{clinic}', clinic.name);
  return {
    name: fill(edition.name),
    short_name: fill(edition.short_name),
    description: fill(edition.description),
    lang: edition.lang,
    // Its own start page; the scope is the whole site, which the service worker also covers.
    ...(edition.folder ? { id: `${root}${edition.folder}` } : {}),
    start_url: `${root}${edition.folder}`,
    scope: root,
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: `${root}icons/icon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: `${root}icons/icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: `${root}icons/icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: `${root}icons/icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

/** Where an edition's manifest is served, below the base path: "manifest.webmanifest", "es/manifest.webmanifest". */
export function manifestPath(folder: string): string {
  return `${folder}manifest.webmanifest`;
}
