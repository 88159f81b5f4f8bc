import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faviconFile, iconBytes, iconFiles, LogoError, readLogo } from '../../src/lib/app-icons.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

/** The RGBA of pixel (x, y). */
function pixel(png: PNG, x: number, y: number): number[] {
  const at = (y * png.width + x) * 4;
  return [...png.data.subarray(at, at + 4)];
}

let root = '';
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'guide-icons-'));
  mkdirSync(join(root, 'src', 'assets'), { recursive: true });
  // A wide red raster logo, 300 × 100 with a transparent surround, as a clinic might export one.
  const red = await sharp({ create: { width: 300, height: 100, channels: 4, background: '#c0392b' } })
    .png()
    .toBuffer();
  writeFileSync(join(root, 'src', 'assets', 'logo.png'), red);
  writeFileSync(join(root, 'src', 'assets', 'broken.webp'), 'RIFF not really a picture');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app icons from the clinic logo', () => {
  it('uses an SVG logo as the favicon as it is, and makes a PNG one for other logos', async () => {
    expect(faviconFile('src/assets/clinic-logo.svg')).toBe('favicon.svg');
    expect(faviconFile('src/assets/logo.png')).toBe('favicon.png');
    const svg = await iconBytes(PROJECT_ROOT, 'src/assets/clinic-logo.svg', 'favicon.svg');
    expect(svg.toString('utf8')).toContain('<svg');
    const png = PNG.sync.read(await iconBytes(root, 'src/assets/logo.png', 'favicon.png'));
    expect([png.width, png.height]).toEqual([48, 48]);
  });

  it('draws every icon square at its size, keeping a wide logo whole', async () => {
    for (const file of iconFiles('src/assets/logo.png').filter((name) => name !== 'favicon.png')) {
      const png = PNG.sync.read(await iconBytes(root, 'src/assets/logo.png', file));
      const size = Number(/\d+/.exec(file)?.[0] ?? 180);
      expect([png.width, png.height], file).toEqual([size, size]);
      expect(pixel(png, size / 2, size / 2).slice(0, 3), `${file} centre is the logo`).toEqual([0xc0, 0x39, 0x2b]);
    }
    // A transparent icon: above and below the wide logo nothing is drawn.
    const any = PNG.sync.read(await iconBytes(root, 'src/assets/logo.png', 'icon-512.png'));
    expect(pixel(any, 256, 10)[3]).toBe(0);
  });

  it('puts the maskable icon’s logo inside the safe zone on white, and the iOS icon on white with no transparency', async () => {
    const maskable = PNG.sync.read(await iconBytes(root, 'src/assets/logo.png', 'icon-maskable-512.png'));
    // The logo is 0.56 of the side: from 113 to 399 across; the safe zone's circle has a radius of 205.
    expect(pixel(maskable, 100, 256)).toEqual([255, 255, 255, 255]);
    expect(pixel(maskable, 120, 256).slice(0, 3)).toEqual([0xc0, 0x39, 0x2b]);
    expect(pixel(maskable, 0, 0)).toEqual([255, 255, 255, 255]);
    const touch = await iconBytes(root, 'src/assets/logo.png', 'apple-touch-icon.png');
    expect((await sharp(touch).metadata()).hasAlpha).toBe(false);
    expect(pixel(PNG.sync.read(touch), 2, 2)).toEqual([255, 255, 255, 255]);
  });

  it('names `logo` and the config file when the logo cannot be read as an image', async () => {
    const error = await readLogo(root, 'src/assets/broken.webp', 'my.config.ts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogoError);
    expect((error as Error).message).toMatch(
      /^my\.config\.ts: `logo` "src\/assets\/broken\.webp" cannot be read as an image \(.+\); save it again as an SVG, PNG, JPEG or WebP file/,
    );
  });
});
