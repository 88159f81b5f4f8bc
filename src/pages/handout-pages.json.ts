import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { listHandoutPages } from '../lib/handout-pages';

/**
 * The list of pages to print, written into the built site so that
 * scripts/pdf.ts works from `dist/` alone and never re-reads the content.
 */
export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const body = {
    site: import.meta.env.SITE,
    base,
    pages: listHandoutPages(await getCollection('docs'), base),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
