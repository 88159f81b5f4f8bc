import type { APIRoute } from 'astro';
import { clinic } from '../../clinic.config.ts';
import { webAppManifest } from '../lib/web-app-manifest.ts';

/** The web app manifest, built from the clinic config and the base path. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(webAppManifest(clinic, import.meta.env.BASE_URL), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
