/**
 * The favicon and the app icons (home screen, install prompt, iOS), made from the
 * clinic's logo (`logo` in clinic.config.ts) when the site is built, so a clinic
 * that changes its logo changes every icon with it. Nothing is committed: the
 * endpoints src/pages/icons/[icon].png.ts and [icon].svg.ts write them into the build.
 *
 * Icons that sit on a background (maskable, iOS) use white: the logo is drawn to
 * be read on the white page header, while the brand colour could hide a logo drawn
 * in that colour (the sample logo is).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import sharp from 'sharp';

/** The background of icons that cannot be transparent (maskable, apple-touch-icon). */
export const ICON_BACKGROUND = '#ffffff';

/**
 * How an icon places the logo: `any` fills a transparent square; `maskable` keeps it inside
 * the safe zone (the middle circle, 80% wide, that every platform's mask leaves visible);
 * `opaque` pads it on the background, since iOS shows transparency as black.
 */
export type IconStyle = 'any' | 'maskable' | 'opaque';

export interface AppIcon {
  /** Where the icon is served, below the base path and icons/. */
  file: string;
  size: number;
  style: IconStyle;
}

/** Every PNG icon the web app manifests and the `<head>` point to. */
export const PNG_ICONS: readonly AppIcon[] = [
  { file: 'icon-192.png', size: 192, style: 'any' },
  { file: 'icon-512.png', size: 512, style: 'any' },
  { file: 'icon-maskable-512.png', size: 512, style: 'maskable' },
  // iOS ignores the manifest's icons and SVG; it wants a square 180 px PNG without transparency.
  { file: 'apple-touch-icon.png', size: 180, style: 'opaque' },
];

/** A raster logo's favicon: 48 px, the size browsers pick for a tab on a high-density screen. */
const RASTER_FAVICON: AppIcon = { file: 'favicon.png', size: 48, style: 'any' };

/** Share of the icon the logo's square may take: the maskable safe zone's inscribed square is 0.8 / √2. */
const LOGO_SHARE: Record<IconStyle, number> = { any: 1, maskable: 0.56, opaque: 0.8 };

/** Raised when the logo cannot be read as an image; the message names `logo` and the config file. */
export class LogoError extends Error {
  override name = 'LogoError';
}

const isSvg = (logo: string): boolean => extname(logo).toLowerCase() === '.svg';

/** The favicon's file below icons/: an SVG logo is used as it is, other logos get a 48 px PNG. */
export function faviconFile(logo: string): string {
  return isSvg(logo) ? 'favicon.svg' : RASTER_FAVICON.file;
}

/** Every file the icons endpoint serves for this logo: the favicon, then the PNG icons. */
export function iconFiles(logo: string): string[] {
  return [faviconFile(logo), ...PNG_ICONS.map((icon) => icon.file)];
}

/** The logo drawn as a square PNG of `side` pixels, the logo centred and whole, the rest transparent. */
async function logoSquare(bytes: Buffer, svg: boolean, side: number): Promise<Buffer> {
  const { width = side, height = side } = await sharp(bytes).metadata();
  // An SVG is drawn at the density that makes its longer side `side` pixels, so it stays sharp.
  const density = svg ? Math.min(2400, Math.max(1, (72 * side) / Math.max(width, height))) : undefined;
  return sharp(bytes, density ? { density } : {})
    .resize(side, side, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
}

/** One icon from the logo's bytes. */
export async function drawIcon(bytes: Buffer, svg: boolean, icon: AppIcon): Promise<Buffer> {
  const side = Math.round(icon.size * LOGO_SHARE[icon.style]);
  const logo = await logoSquare(bytes, svg, side);
  if (icon.style === 'any') return logo;
  const padded = await sharp({
    create: { width: icon.size, height: icon.size, channels: 3, background: ICON_BACKGROUND },
  })
    .composite([{ input: logo, gravity: 'centre' }])
    .png()
    .toBuffer();
  // Compositing adds an alpha channel; these icons have no transparency to keep (iOS would show it black).
  return sharp(padded).removeAlpha().png().toBuffer();
}

/** Reads the logo and checks that it is an image sharp can draw; a bad file is a LogoError naming `logo`. */
export async function readLogo(root: string, logo: string, configFile = 'clinic.config.ts'): Promise<Buffer> {
  const bytes = await readFile(resolve(root, logo));
  try {
    const { width, height } = await sharp(bytes).metadata();
    if (!width || !height) throw new Error('it has no width or height');
  } catch (error) {
    throw new LogoError(
      `${configFile}: \`logo\` "${logo}" cannot be read as an image (${(error as Error).message}); ` +
        'save it again as an SVG, PNG, JPEG or WebP file, or name another file in `logo`',
    );
  }
  return bytes;
}

/**
 * The bytes of one file of the icons endpoint, made from the logo. Results are kept
 * for the process by the logo's hash, so the dev server draws each icon once per logo.
 */
const drawn = new Map<string, Promise<Buffer>>();
export async function iconBytes(root: string, logo: string, file: string, configFile?: string): Promise<Buffer> {
  const bytes = await readLogo(root, logo, configFile);
  if (file === 'favicon.svg' && isSvg(logo)) return bytes;
  const icon = [...PNG_ICONS, RASTER_FAVICON].find((candidate) => candidate.file === file);
  if (!icon) throw new Error(`no icon is called ${file}; the icons are ${iconFiles(logo).join(', ')}`);
  const key = `${createHash('sha256').update(bytes).digest('hex')}:${file}`;
  let icon$ = drawn.get(key);
  if (!icon$) {
    icon$ = drawIcon(bytes, isSvg(logo), icon);
    drawn.set(key, icon$);
  }
  return icon$;
}
