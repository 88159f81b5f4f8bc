/**
 * The sidebar (and with it Starlight's Previous/Next links), built from the pages'
 * own frontmatter when the config loads:
 *
 *   sidebar:
 *     group: safety     # which group the page is listed in (SIDEBAR_GROUPS below)
 *     order: 10         # its place in the reading order; lower comes first
 *
 * so a new page needs no edit anywhere else. The group labels and their
 * translations are defined once, here. Runs at config time, before Astro's
 * content layer exists, so it reads the files itself (src/lib/page-files.ts).
 */
import type { Language } from './clinic-config.ts';
import { DOCS_DIR, readPageFiles, type PageFile } from './page-files.ts';

/** A sidebar group: the id pages name in `sidebar.group`, and its label in each language. */
export interface SidebarGroup {
  id: string;
  label: Record<Language, string>;
}

/** The groups, in the order they appear. A page names one of these ids in `sidebar.group`. */
export const SIDEBAR_GROUPS = [
  { id: 'start', label: { en: 'Start here', es: 'Empiece aquí' } },
  { id: 'understanding', label: { en: 'Understanding treatment', es: 'Entender el tratamiento' } },
  { id: 'treatment-day', label: { en: 'Your treatment day', es: 'El día de su tratamiento' } },
  { id: 'safety', label: { en: 'Safety', es: 'Seguridad' } },
  { id: 'help', label: { en: 'Help and reference', es: 'Ayuda y consulta' } },
] as const satisfies readonly SidebarGroup[];

export type SidebarGroupId = (typeof SIDEBAR_GROUPS)[number]['id'];

/** What the sidebar needs to know about one English page. */
export interface SidebarPage {
  /** File name under src/content/docs/, for messages. */
  file: string;
  /** Starlight's slug: the file name without extension ("index" for the home page). */
  slug: string;
  group: SidebarGroupId;
  order: number;
}

/** Starlight's sidebar config: one group per entry, pages as slug links. */
export interface StarlightSidebarGroup {
  label: string;
  translations: Record<string, string>;
  items: Array<{ slug: string }>;
}

/** Raised when a page's `sidebar` frontmatter cannot place it; names the file and the fix. */
export class SidebarError extends Error {
  override name = 'SidebarError';
}

const groupIds: readonly string[] = SIDEBAR_GROUPS.map((group) => group.id);
const isGroupId = (value: unknown): value is SidebarGroupId => typeof value === 'string' && groupIds.includes(value);

/** Reads `sidebar.group` and `sidebar.order` of one page; pages with `sidebar.hidden: true` are left out. */
export function sidebarPage(page: PageFile, where = 'src/content/docs/'): SidebarPage | undefined {
  const sidebar = page.frontmatter.sidebar;
  const fields = sidebar !== null && typeof sidebar === 'object' ? (sidebar as Record<string, unknown>) : {};
  if (fields.hidden === true) return undefined;
  const problems: string[] = [];
  if (!isGroupId(fields.group)) {
    const given = fields.group === undefined ? 'it is missing' : `got ${JSON.stringify(fields.group)}`;
    problems.push(`\`sidebar.group\` must be one of ${groupIds.map((id) => `"${id}"`).join(', ')} (${given})`);
  }
  if (typeof fields.order !== 'number' || !Number.isFinite(fields.order)) {
    const given = fields.order === undefined ? 'it is missing' : `got ${JSON.stringify(fields.order)}`;
    problems.push(`\`sidebar.order\` must be a number: the page's place in the reading order, lower first (${given})`);
  }
  if (problems.length > 0 || !isGroupId(fields.group) || typeof fields.order !== 'number') {
    throw new SidebarError(
      `${where}${page.file} cannot be placed in the sidebar:\n  - ${problems.join('\n  - ')}\nFix its frontmatter, e.g.\n  sidebar:\n    group: help\n    order: 13`,
    );
  }
  return { file: page.file, slug: page.slug, group: fields.group, order: fields.order };
}

/** The English pages' places in the sidebar (translations follow their English page). */
export function readSidebarPages(docsDir = DOCS_DIR): SidebarPage[] {
  return readPageFiles(docsDir).flatMap((page) => sidebarPage(page) ?? []);
}

const byOrder = (a: SidebarPage, b: SidebarPage): number => a.order - b.order || a.file.localeCompare(b.file);

/** Starlight's `sidebar` option: the groups in SIDEBAR_GROUPS order, each page by `order`; empty groups left out. */
export function sidebarConfig(pages: readonly SidebarPage[], languages: readonly Language[]): StarlightSidebarGroup[] {
  return SIDEBAR_GROUPS.flatMap((group) => {
    const items = pages.filter((page) => page.group === group.id).sort(byOrder);
    if (items.length === 0) return [];
    // Starlight accepts translations only for the locales being built.
    const translations = Object.fromEntries(
      languages.filter((language) => language !== 'en').map((language) => [language, group.label[language]]),
    );
    return [{ label: group.label.en, translations, items: items.map((page) => ({ slug: page.slug })) }];
  });
}

/** One warning per pair of pages in the same group with the same order (their order would be by file name). */
export function sidebarOrderWarnings(pages: readonly SidebarPage[]): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, SidebarPage>();
  for (const page of [...pages].sort(byOrder)) {
    const key = `${page.group}\u0000${page.order}`;
    const first = seen.get(key);
    if (first) {
      warnings.push(
        `src/content/docs/${first.file} and src/content/docs/${page.file} both have sidebar.order ${page.order} in the "${page.group}" group; give one of them another number (until then they are listed by file name)`,
      );
    } else seen.set(key, page);
  }
  return warnings;
}

/** The sidebar for astro.config.mjs, from the pages in src/content/docs/. */
export function guideSidebar(languages: readonly Language[], docsDir = DOCS_DIR): StarlightSidebarGroup[] {
  return sidebarConfig(readSidebarPages(docsDir), languages);
}
