import type { APIRoute, GetStaticPaths } from 'astro';
import { clinic } from '../../../clinic.config.ts';
import type { Language } from '../../lib/clinic-config.ts';
import { manifestEdition } from '../../lib/manifest-edition.ts';
import { webAppManifest } from '../../lib/web-app-manifest.ts';

/** One manifest per edition besides English (/es/manifest.webmanifest), in its language. */
export const getStaticPaths = (() =>
  clinic.languages.filter((lang) => lang !== 'en').map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, locals }) =>
  new Response(
    JSON.stringify(
      webAppManifest(clinic, import.meta.env.BASE_URL, manifestEdition(locals.t, params.lang as Language, clinic)),
      null,
      2,
    ),
    {
      headers: { 'Content-Type': 'application/manifest+json' },
    },
  );
