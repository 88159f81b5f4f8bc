import { describe, expect, it } from 'vitest';
import { DEFAULT_TITLE } from '../../src/lib/clinic-config.ts';
import { handoutSlug } from '../../src/lib/handout-pages.ts';
import { entryLanguage, entrySlugWithinLanguage, forLanguages, starlightLocales } from '../../src/lib/locales.ts';

describe('editions', () => {
  it('tells a page’s language from its id, including a folder’s index page ("es")', () => {
    expect(entryLanguage('glossary')).toBe('en');
    expect(entryLanguage('index')).toBe('en');
    expect(entryLanguage('es/glossary')).toBe('es');
    expect(entryLanguage('es')).toBe('es');
    expect(entryLanguage('estimates')).toBe('en');
    expect(entrySlugWithinLanguage('es')).toBe('index');
    expect(entrySlugWithinLanguage('es/glossary')).toBe('glossary');
  });

  it('names handouts so both editions share one folder', () => {
    expect(handoutSlug('index')).toBe('start-here');
    expect(handoutSlug('es')).toBe('es-start-here');
    expect(handoutSlug('es/risks-and-side-effects')).toBe('es-risks-and-side-effects');
  });

  it('keeps English at the site root and builds only the configured editions', () => {
    expect(starlightLocales(['en', 'es'])).toEqual({
      root: { label: 'English', lang: 'en' },
      es: { label: 'Español', lang: 'es' },
    });
    expect(starlightLocales(['en'])).toEqual({ root: { label: 'English', lang: 'en' } });
    expect(forLanguages(DEFAULT_TITLE, ['en'])).toEqual({ en: DEFAULT_TITLE.en });
  });
});
