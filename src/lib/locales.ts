/**
 * The guide's editions: English at the site root (URLs unchanged), Spanish under /es/.
 * Which ones are built comes from `languages` in clinic.config.ts.
 */
import { SUPPORTED_LANGUAGES, type Language } from './clinic-config.ts';

/** How each edition appears in Starlight's language switcher, and its `lang` attribute. */
export const LOCALES: Record<Language, { label: string; lang: string }> = {
  en: { label: 'English', lang: 'en' },
  es: { label: 'Español', lang: 'es' },
};

/** Starlight's `locales` option: English is the `root` locale, the others get a folder of their own. */
export function starlightLocales(languages: readonly Language[]): Record<string, { label: string; lang: string }> {
  return Object.fromEntries(languages.map((language) => [language === 'en' ? 'root' : language, LOCALES[language]]));
}

/** Keeps only the entries of `text` for the languages being built (Starlight rejects unknown ones). */
export function forLanguages(text: Record<Language, string>, languages: readonly Language[]): Record<string, string> {
  return Object.fromEntries(languages.map((language) => [language, text[language]]));
}

/** The language of a docs entry from its id: "es/glossary" is Spanish, "glossary" English. */
export function entryLanguage(entryId: string): Language {
  // Starlight gives a folder's index page the folder's name: es/index.md has the id "es".
  return (
    SUPPORTED_LANGUAGES.find(
      (language) => language !== 'en' && (entryId === language || entryId.startsWith(`${language}/`)),
    ) ?? 'en'
  );
}

/** The entry id without its language folder: "es/glossary" becomes "glossary", "es" becomes "index". */
export function entrySlugWithinLanguage(entryId: string): string {
  const language = entryLanguage(entryId);
  if (language === 'en') return entryId;
  return entryId === language ? 'index' : entryId.slice(language.length + 1);
}
