import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { docsDir, loadPages, textField } from '../support/pages';
import { findOverclaims } from '../support/overclaims';

const pages = loadPages();
const cases = pages.map((page) => [page.file, page] as const);
const spanishCases = loadPages(join(docsDir, 'es'), '/es/').map((page) => [`es/${page.file}`, page] as const);

describe('honesty', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s makes no overclaims', (_file, page) => {
    const text = [textField(page, 'title'), textField(page, 'description'), textField(page, 'summary'), page.body].join(
      '\n',
    );
    expect(findOverclaims(text), `${page.file} overclaims; say what the evidence shows instead`).toEqual([]);
  });

  it.each(spanishCases)('%s makes no overclaims', (_file, page) => {
    const text = [textField(page, 'title'), textField(page, 'description'), textField(page, 'summary'), page.body].join(
      '\n',
    );
    expect(findOverclaims(text, 'es'), `${page.file} overclaims; say what the evidence shows instead`).toEqual([]);
  });

  it('catches overclaims in both languages', () => {
    expect(findOverclaims('The evidence is strong, and it works for everyone.')).toEqual([
      'works for everyone',
      'evidence is strong',
    ]);
    expect(findOverclaims('Es un milagro: cura la depresión, sin efectos secundarios.', 'es')).toEqual([
      'cura',
      'milagro',
      'sin efectos secundarios',
    ]);
    expect(findOverclaims('Puede aliviar la depresión en algunas personas.', 'es')).toEqual([]);
  });

  it.each(cases)('%s lists its sources', (_file, page) => {
    const sources = page.frontmatter.sources;
    expect(Array.isArray(sources) && sources.length > 0, `${page.file} needs a \`sources\` list`).toBe(true);
  });

  it.each(cases)('%s claims no review by hand (reviews come from the signed records)', (_file, page) => {
    expect(
      page.frontmatter,
      `${page.file}: remove \`reviewed:\`; a clinician signs with npm run review`,
    ).not.toHaveProperty('reviewed');
    expect(page.body, `${page.file} claims a review in its text`).not.toMatch(
      /clinician reviews each page|last reviewed on/i,
    );
  });
});
