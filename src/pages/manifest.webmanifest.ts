import type { APIRoute } from 'astro';
import { clinic } from '../../clinic.config.ts';
import { manifestEdition } from '../lib/manifest-edition.ts';
import { webAppManifest } from '../lib/web-app-manifest.ts';

/** The English web app manifest, built from the clinic config and the base path (other editions: [lang]/). */
export const GET: APIRoute = ({ locals }) =>
  new Response(
    JSON.stringify(webAppManifest(clinic, import.meta.env.BASE_URL, manifestEdition(locals.t, 'en', clinic)), null, 2),
    {
      headers: { 'Content-Type': 'application/manifest+json' },
    },
  );
