import type { APIRoute, GetStaticPaths } from 'astro';
import { clinic } from '../../../clinic.config.ts';
import { iconBytes, iconFiles } from '../../lib/app-icons.ts';
import { clinicConfigFile } from '../../lib/clinic-config.ts';

/** The favicon and app icons, drawn from the clinic's logo at build time (src/lib/app-icons.ts). */
export const getStaticPaths = (() =>
  iconFiles(clinic.logo).map((icon) => ({ params: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const file = String(params.icon);
  // The config's logo path is relative to the project folder, where the build runs (as clinic-config.ts reads it).
  const bytes = await iconBytes(process.cwd(), clinic.logo, file, clinicConfigFile());
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': file.endsWith('.svg') ? 'image/svg+xml' : 'image/png' },
  });
};
