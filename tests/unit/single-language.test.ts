/**
 * Every documented config must pass the tests. The language-dependent test helpers
 * (tests/support/editions.ts) and the translation check (src/lib/page-files.ts) are
 * run here with the English-only Lakeside fixture and with both editions, so a test
 * that assumed Spanish would show up here rather than at a clinic.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseClinicConfig } from '../../src/lib/clinic-config.ts';
import { translationGaps } from '../../src/lib/page-files.ts';
import lakesideValues from '../fixtures/clinic/lakeside/clinic.config.ts';
import { builds, editionsOf, pagesOf, singleLanguageReason, translatedLanguages } from '../support/editions.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const lakeside = parseClinicConfig(lakesideValues, 'tests/fixtures/clinic/lakeside/clinic.config.ts', PROJECT_ROOT);
const bilingual = { languages: ['en', 'es'] as const satisfies Array<'en' | 'es'> };

/** A docs folder with three English pages and a Spanish edition missing one and adding one. */
const docs = mkdtempSync(join(tmpdir(), 'guide-docs-'));
const page = (title: string): string => `---\ntitle: ${title}\nsidebar:\n  order: 1\n---\nText.\n`;
for (const file of ['index.md', 'glossary.md', 'after-your-session.mdx']) writeFileSync(join(docs, file), page(file));
mkdirSync(join(docs, 'es'));
for (const file of ['index.md', 'glossary.md', 'extra.md']) writeFileSync(join(docs, 'es', file), page(file));
afterAll(() => rmSync(docs, { recursive: true, force: true }));

describe('the Lakeside fixture: English only, A4, its own logo, a sub-path', () => {
  it('is a valid clinic config', () => {
    expect(lakeside.languages).toEqual(['en']);
    expect(lakeside.paperSize).toBe('a4');
    expect(lakeside.logo).not.toBe('src/assets/clinic-logo.svg');
    expect(new URL(lakeside.siteUrl).pathname).toBe('/guide/');
  });

  it('has no edition to compare, and says why a translation test is skipped', () => {
    expect(translatedLanguages(lakeside)).toEqual([]);
    expect(builds(lakeside, 'es')).toBe(false);
    expect(singleLanguageReason(lakeside)).toMatch(/builds no edition besides English \(languages: \["en"\]\)/);
    expect(singleLanguageReason(lakeside, 'es')).toMatch(/builds no "es" edition/);
  });

  it('checks the English pages only, even when a Spanish folder is present', () => {
    const editions = editionsOf(lakeside, docs);
    expect(editions.map((edition) => edition.language)).toEqual(['en']);
    expect(editions[0]?.pages.map((p) => p.file).sort()).toEqual(['after-your-session.mdx', 'glossary.md', 'index.md']);
    expect(pagesOf(lakeside, 'es', docs)).toEqual([]);
    expect(translationGaps(lakeside.languages, docs)).toEqual([]);
  });
});

describe('a clinic that builds both editions', () => {
  it('compares the Spanish edition and reports its gaps both ways', () => {
    expect(translatedLanguages(bilingual)).toEqual(['es']);
    expect(singleLanguageReason(bilingual)).toBe('');
    expect(singleLanguageReason(bilingual, 'es')).toBe('');
    expect(translationGaps(bilingual.languages, docs)).toEqual([
      { language: 'es', missing: ['after-your-session.mdx'], orphans: ['extra.md'] },
    ]);
  });

  it('gives the Spanish pages their /es/ addresses', () => {
    const spanish = pagesOf(bilingual, 'es', docs);
    expect(spanish.map((p) => p.path).sort()).toEqual(['/es/', '/es/extra/', '/es/glossary/']);
  });

  it('reports every page missing when the translation folder does not exist', () => {
    rmSync(join(docs, 'es'), { recursive: true });
    expect(translationGaps(bilingual.languages, docs)[0]?.missing).toEqual([
      'after-your-session.mdx',
      'glossary.md',
      'index.md',
    ]);
  });
});
