import type { APIRoute, GetStaticPaths } from 'astro';
import { clinic } from '../../../clinic.config.ts';
import { iconBytes, iconFiles } from '../../lib/app-icons.ts';
import { clinicConfigFile } from '../../lib/clinic-config.ts';

/**
 * The PNG app icons (and a raster logo's favicon), drawn from the clinic's logo at build time
 * (src/lib/app-icons.ts); an SVG logo's favicon is [icon].svg.ts. The extension is in the file
 * name so the dev server serves /icons/icon-192.png without the trailing slash pages get.
 */
export const getStaticPaths = (() =>
  iconFiles(clinic.logo)
    .filter((file) => file.endsWith('.png'))
    .map((file) => ({ params: { icon: file.replace(/\.png$/, '') } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  // The config's logo path is relative to the project folder, where the build runs (as clinic-config.ts reads it).
  const bytes = await iconBytes(process.cwd(), clinic.logo, `${params.icon}.png`, clinicConfigFile());
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/png' } });
};
