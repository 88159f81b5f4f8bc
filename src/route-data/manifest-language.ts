/**
 * Starlight route middleware: a page of another edition than English links that
 * edition's web app manifest (/es/manifest.webmanifest), so a phone that adds the
 * Spanish guide to its home screen names and opens it in Spanish.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { manifestPath } from '../lib/web-app-manifest.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const { head, lang } = context.locals.starlightRoute;
  if (lang === 'en') return;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  for (const entry of head) {
    if (entry.tag === 'link' && entry.attrs?.rel === 'manifest')
      entry.attrs.href = `${base}${manifestPath(`${lang}/`)}`;
  }
});
