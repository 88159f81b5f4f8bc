/**
 * What makes the built site installable and work offline, on the page side: the
 * `<head>` entries. The service worker itself is written by the pipeline's last
 * step (src/plugin/pipeline.ts, from service-worker.ts), after the search index.
 */
import { THEME_COLOR } from '../lib/web-app-manifest.ts';

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
