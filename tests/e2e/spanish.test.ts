import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Manifest } from '../../src/handouts/manifest.ts';
import { clinic } from '../../clinic.config.ts';
import { pagesOf, singleLanguageReason } from '../support/editions.ts';
import { pdfLanguage } from '../support/handout-lang.ts';
import { readPdf } from '../support/pdf.ts';
import { searchSite } from '../support/search.ts';
import { contentIds, mainText, openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

const siteDir = inject('siteDir');
/** Set when the clinic builds English only: then every test here is skipped with this reason. */
const notBuilt = singleLanguageReason(clinic, 'es');
const spanishPages = pagesOf(clinic, 'es');
const translated = spanishPages.map((page) => page.slug);
/** Pages that set `handout: { include: false }` (such as the list of handouts) get no PDF. */
const printed = spanishPages
  .filter((page) => (page.frontmatter.handout as { include?: boolean } | undefined)?.include !== false)
  .map((page) => page.slug);
/** Starlight's own Spanish fallback notice (its es.json, `i18n.untranslatedContent`). */
const FALLBACK_NOTICE = 'Esta página aún no está disponible en tu idioma.';

const builtPage = (id: string, prefix = ''): string => join(siteDir, prefix, id === 'index' ? '' : id, 'index.html');

/** Words of 8+ letters found in exactly one Spanish page's main text, per page. */
async function uniqueSpanishWords(ids: string[]): Promise<Map<string, string[]>> {
  const words = new Map<string, Set<string>>();
  for (const id of ids) {
    const text = mainText(await readFile(builtPage(id, 'es'), 'utf8')).toLowerCase();
    words.set(id, new Set(text.match(/(?<![\p{L}])[a-záéíóúñü]{8,}(?![\p{L}])/gu) ?? []));
  }
  const english = new Set<string>();
  for (const id of await contentIds())
    for (const w of mainText(await readFile(builtPage(id), 'utf8'))
      .toLowerCase()
      .match(/[a-z]{8,}/g) ?? [])
      english.add(w);
  const unique = new Map<string, string[]>();
  for (const [id, own] of words) {
    const others = [...words].filter(([other]) => other !== id).map(([, set]) => set);
    // Prefer words with an accent or ñ: they cannot also be English words.
    const candidates = [...own].filter((w) => !english.has(w) && others.every((set) => !set.has(w)));
    unique.set(
      id,
      candidates.sort((a, b) => Number(/[áéíóúñ]/.test(b)) - Number(/[áéíóúñ]/.test(a)) || a.localeCompare(b)),
    );
  }
  return unique;
}

if (notBuilt) describe('the Spanish edition', () => it.skip(notBuilt, () => undefined));

describe.runIf(!notBuilt)('the Spanish edition (built site)', () => {
  it('has a Spanish page, in Spanish, at /es/ for every English page', async () => {
    for (const id of await contentIds()) {
      const html = await readFile(builtPage(id, 'es'), 'utf8').catch(() => '');
      expect(html, `missing /es/${id}/`).toMatch(/<html lang="es"/);
      if (translated.includes(id))
        expect(html, `es/${id} is translated, so it must not show the fallback notice`).not.toContain(FALLBACK_NOTICE);
      else expect(html, `es/${id} has no translation yet, so it must say so`).toContain(FALLBACK_NOTICE);
    }
  });

  it("shows Starlight's interface and our own boxes in Spanish, with a language switcher", async () => {
    const html = await readFile(builtPage('index', 'es'), 'utf8');
    expect(html).toContain('<starlight-lang-select>');
    expect(html).toMatch(/<option value="\/"[^>]*>\s*English\s*<\/option>/);
    expect(html).toMatch(/aria-label="Buscar"/);
    expect(html).toContain('Ayuda inmediata');
    // The shipped sample has no signed review, so the review notice is in Spanish.
    expect(html).toContain('Un profesional de salud todavía no ha revisado esta página.');
    const english = await readFile(builtPage('index'), 'utf8');
    expect(english).toMatch(/<option value="\/es\/"[^>]*>\s*Español\s*<\/option>/);
    expect(english).not.toContain('Ayuda inmediata');
  });

  it('lists the Spanish handouts with lang "es"', async () => {
    const index = await readHandoutIndex(siteDir);
    const spanish = index.pages.filter((page) => page.lang === 'es').map((page) => page.path);
    expect(spanish.sort()).toEqual(
      printed.map((slug) => (slug === 'index' ? `${index.base}es/` : `${index.base}es/${slug}/`)).sort(),
    );
  });
});

describe.runIf(!notBuilt)('Spanish search', () => {
  let site: SiteSession;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('finds the Spanish page for a Spanish word, and the English search does not', async () => {
    expect(translated.length, 'no Spanish page to search for').toBeGreaterThan(0);
    const index = await readHandoutIndex(siteDir);
    const unique = await uniqueSpanishWords(translated);
    const [id, words] = [...unique].find(([, list]) => list.length > 0) ?? [];
    const word = words?.[0];
    expect(word, 'a word only one Spanish page uses').toBeDefined();
    const tab = await site.browser.newPage();
    await tab.goto(`${site.server.url}es/`, { waitUntil: 'networkidle0' });
    const results = await searchSite(tab, word!);
    const expected = `${site.server.origin}${index.base}es/${id === 'index' ? '' : `${id}/`}`;
    expect(
      results.map((url) => url.split('#')[0]),
      `search for "${word}" on /es/ should find es/${id}`,
    ).toContain(expected);
    await tab.goto(site.server.url, { waitUntil: 'networkidle0' });
    const englishResults = await searchSite(tab, word!);
    expect(
      englishResults.filter((url) => url.includes('/es/')),
      'Pagefind keeps one index per language',
    ).toEqual([]);
    await tab.close();
  });
});

describe.runIf(!notBuilt)('Spanish handouts', () => {
  it('are in Spanish, with the language tag "es"', async () => {
    const manifest = JSON.parse(await readFile(join(siteDir, 'handouts', 'manifest.json'), 'utf8')) as Manifest;
    const index = await readHandoutIndex(siteDir);
    const spanishPages = index.pages.filter((page) => page.lang === 'es');
    expect(spanishPages.length, 'no Spanish handout pages').toBeGreaterThan(0);
    for (const page of spanishPages.slice(0, 3)) {
      const entry = manifest.handouts.find(
        (candidate) => candidate.slug === page.slug && candidate.kind === 'standard',
      );
      expect(entry, page.slug).toBeDefined();
      const file = join(siteDir, 'handouts', entry!.file);
      expect(await pdfLanguage(file), page.slug).toBe('es');
      const { text, info } = await readPdf(file);
      const flat = text.replace(/\s+/g, ' ');
      expect(info.Title, page.slug).toBe(page.title);
      expect(flat, page.slug).toMatch(/Página 1 de \d+/);
      expect(flat, page.slug).toContain(page.review.line);
      expect(page.review.line, page.slug).toMatch(
        /^(Revisado por .+ el \d{1,2} de [a-z]+ de \d{4}|Un profesional de salud|Esta página cambió|Un profesional de salud debe)/,
      );
      expect(flat, page.slug).toContain('Ayuda inmediata');
      expect(flat, page.slug).not.toMatch(/Page 1 of|Get help now|checked by a clinician|Reviewed by/);
    }
  });
});
