import { afterAll, describe, expect, it } from 'vitest';
import { loadPages, textField } from '../support/pages';
import { extractProse } from '../support/prose';
import { fleschKincaidGrade, median } from '../support/readability';

/** AMA and NIH advise patient materials at grade 6–8 (see the About page). */
const maxPageGrade = 8;
const maxMedianGrade = 7;

const pages = loadPages();
const grades = new Map<string, number>();

function proseOf(page: (typeof pages)[number]): string {
  // The summary is the first thing a reader sees, so it is scored with the body.
  return [extractProse(textField(page, 'summary')), extractProse(page.body)].join('\n\n');
}

describe('readability (Flesch–Kincaid grade)', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages.map((page) => [page.file, page] as const))('%s is at or below grade 8', (_file, page) => {
    const grade = fleschKincaidGrade(proseOf(page));
    grades.set(page.file, grade);
    expect(
      grade,
      `${page.file} reads at grade ${grade.toFixed(1)}; shorten sentences and use shorter words`,
    ).toBeLessThanOrEqual(maxPageGrade);
  });

  it('has a median page at or below grade 7', () => {
    const all = pages.map((page) => fleschKincaidGrade(proseOf(page)));
    expect(median(all)).toBeLessThanOrEqual(maxMedianGrade);
  });

  afterAll(() => {
    const rows = pages.map((page) => `  ${fleschKincaidGrade(proseOf(page)).toFixed(1).padStart(5)}  ${page.file}`);
    const middle = median(pages.map((page) => fleschKincaidGrade(proseOf(page))));
    console.log(['Flesch–Kincaid grade per page:', ...rows, `  median: ${middle.toFixed(1)}`].join('\n'));
  });
});
