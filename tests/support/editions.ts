/**
 * The editions (languages) a clinic config builds, for tests that depend on them.
 * A clinic may build English only (`languages: ['en']`); every language-dependent
 * test asks here what to check, and skips with `singleLanguageReason` when there is
 * no other edition, rather than assuming Spanish.
 */
import { join } from 'node:path';
import type { ClinicConfig, Language } from '../../src/lib/clinic-config.ts';
import { docsDir, loadPages, type GuidePage } from './pages.ts';

type Languages = Pick<ClinicConfig, 'languages'>;

/** One edition as built: its language, its URL prefix ("/" or "/es/") and its pages. */
export interface Edition {
  language: Language;
  prefix: string;
  pages: GuidePage[];
}

/** The editions besides English that `config` builds. */
export function translatedLanguages(config: Languages): Language[] {
  return config.languages.filter((language) => language !== 'en');
}

/** Whether `config` builds the `language` edition. */
export function builds(config: Languages, language: Language): boolean {
  return config.languages.includes(language);
}

/** Every edition `config` builds, English first, with the pages in its folder (none when the folder is missing). */
export function editionsOf(config: Languages, dir = docsDir): Edition[] {
  return config.languages.map((language) => {
    const prefix = language === 'en' ? '/' : `/${language}/`;
    const folder = language === 'en' ? dir : join(dir, language);
    return { language, prefix, pages: loadPages(folder, prefix) };
  });
}

/** The pages of the `language` edition when `config` builds it; none otherwise. */
export function pagesOf(config: Languages, language: Language, dir = docsDir): GuidePage[] {
  return editionsOf(config, dir).find((edition) => edition.language === language)?.pages ?? [];
}

/** Why a test about translations is skipped for this config, or '' when it applies. */
export function singleLanguageReason(config: Languages, language?: Language): string {
  if (language ? builds(config, language) : translatedLanguages(config).length > 0) return '';
  const what = language ? `"${language}" edition` : 'edition besides English';
  return `the clinic config builds no ${what} (languages: ${JSON.stringify(config.languages)}), so there is nothing to check`;
}
