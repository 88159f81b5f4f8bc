/**
 * Astro integration that makes the built site work offline: after the build (and
 * after Starlight has written the Pagefind index) it generates a service worker
 * that precaches every page, asset and search file.
 *
 * It must be listed after `starlight()` in astro.config.mjs: Astro runs the
 * `astro:build:done` hooks in that order, and Starlight's hook writes `pagefind/`.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeServiceWorker } from './service-worker.ts';
import { THEME_COLOR } from '../lib/web-app-manifest.ts';

/** Size a patient's device downloads on the first visit, for the build log. */
function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${Math.round(bytes / 1000)} kB`;
}

export default function guideOffline(): AstroIntegration {
  return {
    name: 'guide-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const index = await stat(`${root}pagefind/pagefind-entry.json`).catch(() => undefined);
        if (!index) {
          throw new Error(
            'guide-offline: no Pagefind index in the build output, so search would not work offline.\n' +
              'List guideOffline() after starlight() in astro.config.mjs, and keep Starlight\'s `pagefind` option on.',
          );
        }
        const { count, size, warnings } = await writeServiceWorker(root);
        for (const warning of warnings) logger.warn(warning);
        logger.info(`Service worker precaches ${count} files (${formatBytes(size)}).`);
      },
    },
  };
}

/** A `<head>` element in Starlight's `head` config format. */
interface HeadEntry {
  tag: 'link' | 'meta' | 'script';
  attrs: Record<string, string | boolean>;
}

/**
 * The `<head>` tags that make the guide installable and offline-capable, for
 * Starlight's `head` option: the manifest, the theme colour, the iOS icon, and the
 * service worker registration as an external script (no inline code, so a strict
 * Content-Security-Policy can allow it by origin).
 */
export function offlineHead(base: string): HeadEntry[] {
  return [
    { tag: 'link', attrs: { rel: 'manifest', href: `${base}manifest.webmanifest` } },
    { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR } },
    { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${base}icons/apple-touch-icon.png` } },
    { tag: 'script', attrs: { type: 'module', src: `${base}sw-register.js` } },
  ];
}
