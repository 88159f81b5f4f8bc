/**
 * The pages a clinician can review, read from disk: English at the top of
 * src/content/docs/, each translation in its language folder (es/). Pages are
 * flat, one file each, as the site expects.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../lib/clinic-config.ts';
import { ReviewError } from './records.ts';

/** One page's source file in one language. */
export interface ReviewablePage {
  /** Id within its language: "risks-and-side-effects"; the home page is "index". */
  page: string;
  lang: Language;
  /** Absolute path of the source file. */
  file: string;
}

/** Folder of one language's pages under the project root. */
export function docsFolder(root: string, lang: Language): string {
  return lang === 'en' ? join(root, 'src', 'content', 'docs') : join(root, 'src', 'content', 'docs', lang);
}

/** Every page of the given languages, English first, each language in file-name order. */
export async function listReviewablePages(root: string, languages: readonly Language[]): Promise<ReviewablePage[]> {
  const pages: ReviewablePage[] = [];
  for (const lang of languages) {
    const dir = docsFolder(root, lang);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const files = entries
      .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of files) pages.push({ page: name.replace(/\.mdx?$/, ''), lang, file: join(dir, name) });
  }
  return pages;
}

/** "es/glossary" as people type it, from a page's id and language. */
export function pageLabel(page: Pick<ReviewablePage, 'page' | 'lang'>): string {
  return page.lang === 'en' ? page.page : `${page.lang}/${page.page}`;
}

/**
 * Finds the page a person named: "glossary", "es/glossary", the site path
 * "/es/glossary/", or the file "src/content/docs/es/glossary.md".
 */
export function findPage(pages: ReviewablePage[], name: string, languages: readonly Language[]): ReviewablePage {
  const cleaned = name
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)?src\/content\/docs\//, '')
    .replace(/\.mdx?$/, '')
    .replace(/^\/+|\/+$/g, '');
  const [first, ...rest] = cleaned.split('/');
  const translated = languages.find((lang) => lang !== 'en' && lang === first);
  const lang: Language = translated ?? 'en';
  const id = (translated ? rest.join('/') : cleaned) || 'index';
  const found = pages.find((page) => page.lang === lang && page.page === id);
  if (found) return found;
  const known = pages.filter((page) => page.lang === lang).map(pageLabel);
  throw new ReviewError(
    `there is no page "${name}". Name a page as ${lang === 'en' ? '"glossary" (English)' : `"${lang}/glossary"`}; the ${lang} pages are: ${known.join(', ') || '(none)'}. \`npm run review -- status\` lists them all.`,
  );
}
