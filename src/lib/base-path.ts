/**
 * The only place the guide thinks about its base path (Astro `base`, e.g. "/" or
 * "/patient-guide/"). Content is written with site-root links ("/glossary/#rems"), as if
 * the guide lived at the root of its domain; built for a sub-path, those links must carry
 * the base path too.
 */

/** "/patient-guide", "patient-guide/" and "//patient-guide//" all become "/patient-guide/"; "" becomes "/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The base path a site published at `siteUrl` lives under: "https://clinic.example/guide" → "/guide/". */
export function baseFromSiteUrl(siteUrl: string): string {
  return normalizeBase(new URL(siteUrl).pathname);
}

/** `path` (relative, no leading slash) under the base path: ("handouts/", "/patient-guide") → "/patient-guide/handouts/". */
export function underBase(base: string, path: string): string {
  return `${normalizeBase(base)}${path.replace(/^\/+/, '')}`;
}

/** `href` with the base path in front when it is a site-root link without it; anything else unchanged. */
export function withBase(href: string, base: string): string {
  if (normalizeBase(base) === '/' || !href.startsWith('/') || href.startsWith('//')) return href;
  const root = normalizeBase(base);
  if (href === root.slice(0, -1) || href.startsWith(root)) return href;
  return underBase(root, href);
}
