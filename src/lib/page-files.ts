/**
 * The content pages as files on disk: file name, frontmatter and body, read
 * without Astro. The sidebar is built from them when the config loads (before
 * Astro's content layer exists), and `npm run doctor` and the tests read them
 * without a build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Language } from './clinic-config.ts';

/** The English pages; a translated edition lives in a sub-folder named for its language (`es/`). */
export const DOCS_DIR = fileURLToPath(new URL('../content/docs/', import.meta.url));

/** One content page file. */
export interface PageFile {
  /** File name, e.g. "glossary.md". */
  file: string;
  /** File name without extension: "glossary"; the home page is "index". */
  slug: string;
  frontmatter: Record<string, unknown>;
  /** Everything after the frontmatter. */
  body: string;
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const pageFile = /\.mdx?$/;

/** Splits a Markdown/MDX file into its YAML frontmatter (parsed) and its body. */
export function splitFrontmatter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = frontmatterPattern.exec(source);
  if (!match) return { frontmatter: {}, body: source };
  const parsed: unknown = parseYaml(match[1] ?? '');
  const frontmatter = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  return { frontmatter, body: source.slice(match[0].length) };
}

/** Every `.md`/`.mdx` page directly inside `dir`, by file name; none when the folder does not exist. */
export function readPageFiles(dir: string): PageFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && pageFile.test(entry.name))
    .map((entry) => ({
      file: entry.name,
      slug: entry.name.replace(pageFile, ''),
      ...splitFrontmatter(readFileSync(join(dir, entry.name), 'utf8')),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The folder of one edition's pages: English at the top of `docsDir`, the others in a sub-folder. */
export function editionDir(language: Language, docsDir = DOCS_DIR): string {
  return language === 'en' ? docsDir : join(docsDir, language);
}

/** Pages of one translated edition that do not match the English ones, by file name. */
export interface TranslationGap {
  language: Language;
  /** English pages with no page of the same name in this edition. */
  missing: string[];
  /** Pages of this edition with no English original. */
  orphans: string[];
}

/** For each edition the clinic builds besides English, the pages that exist in one language only. */
export function translationGaps(languages: readonly Language[], docsDir = DOCS_DIR): TranslationGap[] {
  const english = new Set(readPageFiles(docsDir).map((page) => page.file));
  return languages
    .filter((language) => language !== 'en')
    .map((language) => {
      const files = new Set(readPageFiles(editionDir(language, docsDir)).map((page) => page.file));
      return {
        language,
        missing: [...english].filter((file) => !files.has(file)).sort(),
        orphans: [...files].filter((file) => !english.has(file)).sort(),
      };
    });
}
