/**
 * The site's Content-Security-Policy, in one place.
 *
 * Astro's built-in CSP (`security.csp` in astro.config.mjs) writes a
 * `<meta http-equiv="content-security-policy">` into every page and adds the
 * hashes of the scripts and styles Astro bundles itself. What it cannot know
 * is added here:
 *
 * - Starlight's small inline scripts (theme before first paint, search
 *   shortcut, sidebar scroll position) are written `is:inline`, so Astro does
 *   not hash them. Their hashes are computed from Starlight's own component
 *   files at build time, so a Starlight update cannot silently break them
 *   (tests/e2e/csp.test.ts also loads every page and fails on any violation).
 * - Pagefind compiles its WebAssembly search engine: `'wasm-unsafe-eval'`
 *   (which allows WebAssembly compilation only, never `eval` of JavaScript),
 *   and it runs in a same-origin Web Worker (`worker-src 'self'`).
 * - The offline service worker and web app manifest are same-origin files
 *   (`worker-src 'self'`, `manifest-src 'self'`).
 * - Starlight writes `style="--sl-icon-size: 1em"`-style attributes on icons and
 *   the sidebar, so `style-src-attr 'unsafe-inline'`. It applies to style
 *   attributes only: `<style>` elements still need a hash, and a style
 *   attribute cannot run script or load anything from another host
 *   (img-src and font-src stay 'self').
 *
 * Everything else is denied: no other host, no inline event handlers
 * (`onclick=`), no `eval`, no plugins, no frames, no `<base>` tag.
 *
 * Directives a `<meta>` tag cannot carry (`frame-ancestors`) and the other
 * security headers are in public/_headers, for hosts that read that file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Starlight components that contain `<script is:inline>` blocks rendered into every page. */
export const STARLIGHT_INLINE_SCRIPT_COMPONENTS: readonly string[] = [
  'ThemeProvider.astro',
  'ThemeSelect.astro',
  'Search.astro',
  'SidebarPersister.astro',
];

type Hash = `sha256-${string}`;

/** The hash a browser computes for an inline `<script>`: SHA-256 of its exact text, base64. */
export function scriptHash(text: string): Hash {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The text of each `<script is:inline ...>` block in an Astro component's source. */
export function inlineScriptBodies(componentSource: string): string[] {
  return [...componentSource.matchAll(/<script\s+is:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => match[1] ?? '',
  );
}

/** Hashes of Starlight's inline scripts, read from the installed Starlight package. */
export function starlightInlineScriptHashes(): Hash[] {
  const require = createRequire(import.meta.url);
  const hashes = new Set<Hash>();
  for (const component of STARLIGHT_INLINE_SCRIPT_COMPONENTS) {
    const file = require.resolve(`@astrojs/starlight/components/${component}`);
    const bodies = inlineScriptBodies(readFileSync(file, 'utf8'));
    if (bodies.length === 0) {
      throw new Error(
        `src/security/csp.ts: expected an inline <script> in Starlight's ${component}; update STARLIGHT_INLINE_SCRIPT_COMPONENTS.`,
      );
    }
    for (const body of bodies) hashes.add(scriptHash(body));
  }
  return [...hashes];
}

/** Directives besides script-src and style-src (which Astro writes with its hashes). */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

/** Sources allowed for scripts, before Astro adds hashes. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * The value for `security.csp` in astro.config.mjs.
 * Typed loosely on purpose: this file is imported by the config before Astro's types are loaded.
 */
export function contentSecurityPolicy() {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...CSP_DIRECTIVES],
    scriptDirective: {
      resources: [...SCRIPT_SOURCES],
      hashes: starlightInlineScriptHashes(),
    },
    styleDirective: {
      // Scoped so that 'self' and Astro's hashes land on style-src-elem and 'unsafe-inline' only on style-src-attr.
      resources: [
        { resource: "'self'", kind: 'element' as const },
        { resource: "'unsafe-inline'", kind: 'attribute' as const },
      ],
    },
  };
}
