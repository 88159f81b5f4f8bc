/**
 * Content is written with site-root links ("/glossary/#rems"), as if the guide lived
 * at the root of its domain. When it is built for a sub-path (Astro `base`, e.g.
 * "/patient-guide/"), those links must carry the base path too.
 */

/** `href` with the base path in front when it is a site-root link without it; anything else unchanged. */
export function withBase(href: string, base: string): string {
  if (base === '/' || !href.startsWith('/') || href.startsWith('//')) return href;
  const root = base.endsWith('/') ? base : `${base}/`;
  if (href === root.slice(0, -1) || href.startsWith(root)) return href;
  return `${root}${href.slice(1)}`;
}
