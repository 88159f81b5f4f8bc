/**
 * Starlight route middleware: hands each page's meta description to Pagefind as
 * searchable metadata. Descriptions are written the way patients ask ("Who wrote this
 * guide", "cost and follow-up"), so matching them helps the right page rank first.
 * Their weight is set in astro.config.mjs (`pagefind.ranking.metaWeights`).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const { entry, head } = context.locals.starlightRoute;
  const description = entry.data.description;
  if (!description) return;
  head.push({
    tag: 'meta',
    attrs: { 'data-pagefind-meta': 'description[content]', content: description },
    content: '',
  });
});
