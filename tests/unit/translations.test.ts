import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import { translationGaps } from '../../src/lib/page-files.ts';
import { guideStringsSchema } from '../../src/schemas/i18n.ts';
import { pagesOf, singleLanguageReason, translatedLanguages } from '../support/editions.ts';
import { loadPages, type GuidePage } from '../support/pages.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

// Only the editions clinic.config.ts builds: an English-only clinic has nothing to compare.
const translated = translatedLanguages(clinic);
const english = loadPages();

function strings(language: string): Record<string, string> {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/content/i18n', `${language}.json`), 'utf8')) as Record<
    string,
    string
  >;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('translated editions', () => {
  if (translated.length === 0) it.skip(singleLanguageReason(clinic), () => undefined);

  describe.each(translated)('the %s edition', (language) => {
    const pages = pagesOf(clinic, language);

    it('has every English page, and no page English lacks', () => {
      const gap = translationGaps([language]).find((entry) => entry.language === language);
      const untranslated = gap?.missing ?? [];
      if (untranslated.length > 0)
        console.log(
          `Not yet translated into "${language}" (readers see the English page with a notice):\n  ${untranslated.join('\n  ')}`,
        );
      expect(
        gap?.orphans,
        `pages in src/content/docs/${language}/ with no English original (same file name expected)`,
      ).toEqual([]);
      expect(untranslated, `pages with no "${language}" translation in src/content/docs/${language}/`).toEqual([]);
    });

    it('keeps each page’s sources, reading order and handout setting', () => {
      for (const page of pages) {
        const original = english.find((candidate) => candidate.file === page.file);
        if (!original) continue;
        const sources = (p: GuidePage) =>
          (p.frontmatter.sources as Array<Record<string, unknown>> | undefined)?.map(
            ({ title, publisher, year, url }) => ({ title, publisher, year, url }),
          );
        expect(
          sources(page),
          `${language}/${page.file}: sources must match the English page (titles stay as published)`,
        ).toEqual(sources(original));
        const place = (p: GuidePage) => p.frontmatter.sidebar as { order?: unknown; group?: unknown } | undefined;
        expect(place(page)?.order, `${language}/${page.file}: sidebar.order`).toEqual(place(original)?.order);
        expect(place(page)?.group, `${language}/${page.file}: sidebar.group`).toEqual(place(original)?.group);
        expect(page.frontmatter.handout, `${language}/${page.file}: handout`).toEqual(original.frontmatter.handout);
      }
    });

    it('translates every interface string, with the same placeholders', () => {
      const en = strings('en');
      const other = strings(language);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      expect(Object.keys(en).sort()).toEqual(Object.keys(guideStringsSchema.shape).sort());
      for (const key of Object.keys(en))
        expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
    });
  });
});
