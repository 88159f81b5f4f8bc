import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { docsDir, loadPages, textField } from '../support/pages';
import { findOverclaims } from '../support/overclaims';

const pages = loadPages();
const cases = pages.map((page) => [page.file, page] as const);
const spanishCases = loadPages(join(docsDir, 'es'), '/es/').map((page) => [`es/${page.file}`, page] as const);

/** YAML dates arrive as strings ("2026-11-20") or, with some parsers, as Dates. */
function reviewDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

describe('honesty', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s makes no overclaims', (_file, page) => {
    const text = [textField(page, 'title'), textField(page, 'description'), textField(page, 'summary'), page.body].join('\n');
    expect(findOverclaims(text), `${page.file} overclaims; say what the evidence shows instead`).toEqual([]);
  });

  it.each(spanishCases)('%s makes no overclaims', (_file, page) => {
    const text = [textField(page, 'title'), textField(page, 'description'), textField(page, 'summary'), page.body].join('\n');
    expect(findOverclaims(text, 'es'), `${page.file} overclaims; say what the evidence shows instead`).toEqual([]);
  });

  it('catches overclaims in both languages', () => {
    expect(findOverclaims('The evidence is strong, and it works for everyone.')).toEqual(['works for everyone', 'evidence is strong']);
    expect(findOverclaims('Es un milagro: cura la depresión, sin efectos secundarios.', 'es')).toEqual(['cura', 'milagro', 'sin efectos secundarios']);
    expect(findOverclaims('Puede aliviar la depresión en algunas personas.', 'es')).toEqual([]);
  });

  it.each(cases)('%s lists its sources', (_file, page) => {
    const sources = page.frontmatter.sources;
    expect(Array.isArray(sources) && sources.length > 0, `${page.file} needs a \`sources\` list`).toBe(true);
  });

  it.each(cases)('%s has a review date that is not in the future', (_file, page) => {
    const date = reviewDate(page.frontmatter.reviewed);
    expect(date, `${page.file} needs \`reviewed: YYYY-MM-DD\``).toBeInstanceOf(Date);
    expect(date!.getTime(), `${page.file} has a review date in the future`).toBeLessThanOrEqual(Date.now());
  });
});
