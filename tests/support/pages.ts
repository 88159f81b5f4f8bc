import { fileURLToPath } from 'node:url';
import { readPageFiles, splitFrontmatter } from '../../src/lib/page-files.ts';

/** The English pages; a translated edition lives in a sub-folder such as `es/`. */
export const docsDir = fileURLToPath(new URL('../../src/content/docs/', import.meta.url));

/** One content page, read straight from disk (no Astro needed). */
export interface GuidePage {
  /** File name, e.g. "glossary.md". */
  file: string;
  /** Entry id without extension: "glossary"; the home page is "index". */
  slug: string;
  /** Site path with the trailing slash the site uses: "/glossary/", or "/" for the home page. */
  path: string;
  frontmatter: Record<string, unknown>;
  /** Everything after the frontmatter. */
  body: string;
}

/** Splits a Markdown/MDX file into its YAML frontmatter (parsed) and its body (shared with the build's sidebar). */
export { splitFrontmatter };

/** The site path of a page in `dir`, given the URL prefix of that folder ("/" or "/es/"). */
export function pagePath(slug: string, prefix = '/'): string {
  return slug === 'index' ? prefix : `${prefix}${slug}/`;
}

/** Reads every `.md`/`.mdx` page directly inside `dir` (pages are flat, one folder per language). */
export function loadPages(dir = docsDir, prefix = '/'): GuidePage[] {
  return readPageFiles(dir)
    .map((page) => ({ ...page, path: pagePath(page.slug, prefix) }))
    .sort((a, b) => order(a) - order(b) || a.slug.localeCompare(b.slug));
}

function order(page: GuidePage): number {
  const sidebar = page.frontmatter.sidebar as { order?: unknown } | undefined;
  return typeof sidebar?.order === 'number' ? sidebar.order : Number.MAX_SAFE_INTEGER;
}

/** A frontmatter field as text, or "" when it is missing or not text. */
export function textField(page: GuidePage, field: string): string {
  const value = page.frontmatter[field];
  return typeof value === 'string' ? value : '';
}
