import type { APIRoute, GetStaticPaths } from 'astro';
import { clinic } from '../../../clinic.config.ts';
import { iconBytes, iconFiles } from '../../lib/app-icons.ts';
import { clinicConfigFile } from '../../lib/clinic-config.ts';

/** An SVG logo served as it is as the favicon (none for a raster logo: see [icon].png.ts). */
export const getStaticPaths = (() =>
  iconFiles(clinic.logo)
    .filter((file) => file.endsWith('.svg'))
    .map((file) => ({ params: { icon: file.replace(/\.svg$/, '') } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bytes = await iconBytes(process.cwd(), clinic.logo, `${params.icon}.svg`, clinicConfigFile());
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/svg+xml' } });
};
