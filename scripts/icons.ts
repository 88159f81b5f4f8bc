/**
 * Renders the app icons (public/icons/*.png) from their SVG sources with the same
 * browser the handouts use. Run `npm run icons` after changing an SVG, and commit the PNGs:
 * the build itself never needs a browser for them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../src/handouts/browser.ts';

const ICONS_DIR = fileURLToPath(new URL('../public/icons/', import.meta.url));

/** Each PNG the manifest and the `<head>` point to, and the SVG it is drawn from. */
const PNG_ICONS = [
  { source: 'icon.svg', file: 'icon-192.png', size: 192 },
  { source: 'icon.svg', file: 'icon-512.png', size: 512 },
  { source: 'icon-maskable.svg', file: 'icon-maskable-512.png', size: 512 },
  // iOS ignores the manifest's icons and SVG; it wants a square 180 px PNG without transparency.
  { source: 'icon-maskable.svg', file: 'apple-touch-icon.png', size: 180 },
];

async function main(): Promise<void> {
  const { browser } = await launchBrowser();
  try {
    const tab = await browser.newPage();
    for (const icon of PNG_ICONS) {
      const svg = await readFile(`${ICONS_DIR}${icon.source}`, 'utf8');
      await tab.setViewport({ width: icon.size, height: icon.size });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await tab.setContent(
        `<body style="margin:0"><img src="${src}" width="${icon.size}" height="${icon.size}" style="display:block"></body>`,
      );
      await tab.waitForFunction(() => document.images[0]?.complete === true);
      const png = await tab.screenshot({ type: 'png', omitBackground: true });
      await writeFile(`${ICONS_DIR}${icon.file}`, png);
      console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
    }
  } finally {
    await browser.close();
  }
}

await main();
