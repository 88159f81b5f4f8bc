/**
 * Starlight route middleware for the editions besides English: a page links its own
 * edition's web app manifest (/es/manifest.webmanifest), so a phone that adds the
 * Spanish guide to its home screen names and opens it in Spanish; and a page without a
 * description of its own gets its edition's (clinic.config.ts `description`), where
 * Starlight has only the English one.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { clinic } from '../../clinic.config.ts';
import type { Language } from '../lib/clinic-config.ts';
import { fillText } from '../lib/placeholders.ts';
import { manifestPath } from '../lib/web-app-manifest.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const { head, lang, entry } = context.locals.starlightRoute;
  if (lang === 'en') return;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const description = clinic.description[lang as Language];
  for (const item of head) {
    if (item.tag === 'link' && item.attrs?.rel === 'manifest') item.attrs.href = `${base}${manifestPath(`${lang}/`)}`;
    const isDescription = item.attrs?.name === 'description' || item.attrs?.property === 'og:description';
    if (item.tag === 'meta' && isDescription && !entry.data.description && description)
      item.attrs = { ...item.attrs, content: fillText(description, { clinic: clinic.name }) };
  }
});
