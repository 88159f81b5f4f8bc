import { clinic, type ClinicConfig } from '../../clinic.config.ts';
import { normalizeBase } from './base-path.ts';

/** Colours of the installed app's splash screen and title bar (the clinic's brand colour); the icon's background. */
export const THEME_COLOR = clinic.brandColor;
export const BACKGROUND_COLOR = '#ffffff';

/** The fields of a web app manifest this site uses (see the W3C "Web Application Manifest" spec). */
export interface WebAppManifest {
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

/**
 * The manifest that lets a patient add the guide to a phone's home screen.
 * Every URL includes the base path, so it also works when the site lives under a sub-path.
 */
export function webAppManifest(clinic: Pick<ClinicConfig, 'name'>, base: string): WebAppManifest {
  const root = normalizeBase(base);
  return {
    name: `Ketamine therapy guide: ${clinic.name}`,
    short_name: 'Patient guide',
    description: `Plain-language answers about ketamine-assisted therapy from ${clinic.name}. Works offline after the first visit.`,
    lang: 'en',
    start_url: root,
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
