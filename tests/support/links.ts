import GithubSlugger from 'github-slugger';
import { stripInlineMarkup } from './prose';
import type { GuidePage } from './pages';

/** Ids every page gets from the shared components (see src/components/). */
export const sharedIds: readonly string[] = ['what-to-know', 'get-help-now', 'sources', '_top'];

/** An internal link found in a page: `/glossary/#off-label` → path "/glossary/", hash "off-label". */
export interface InternalLink {
  href: string;
  path: string;
  hash: string | undefined;
}

/** Internal links (starting with "/") in Markdown links and `href` attributes of the body and summary. */
export function internalLinks(text: string): InternalLink[] {
  const hrefs = [
    ...[...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((match) => match[1]),
    ...[...text.matchAll(/href=["'{`]+(\/[^"'`}\s]*)/g)].map((match) => match[1]),
  ].filter((href): href is string => href !== undefined);
  return hrefs.map((href) => {
    const [path = '', hash] = href.split('#');
    return { href, path, hash };
  });
}

/**
 * The heading ids Astro gives a page's Markdown headings. Astro slugs headings
 * with github-slugger, in order, so repeated headings get "-1", "-2"; doing
 * the same here keeps the test in step with the build.
 */
export function headingIds(body: string): string[] {
  const slugger = new GithubSlugger();
  const withoutCode = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  return [...withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((match) =>
    slugger.slug(stripInlineMarkup(match[1] ?? '')),
  );
}

/** Every id a link may point to on this page. */
export function anchorIds(page: GuidePage): Set<string> {
  return new Set([...headingIds(page.body), ...sharedIds]);
}
