/**
 * One-sheet summaries: how the sections an author names are marked in the page, the error
 * for a name that is not there, where a sheet's PDF goes, the message for a sheet that does
 * not fit, and that every handout page of every edition chooses its points.
 */
import { describe, expect, it } from 'vitest';
import { jobKey } from '../../src/handouts/cache.ts';
import type { HandoutJob } from '../../src/handouts/plan.ts';
import { sheetOverflowMessage } from '../../src/handouts/sheet-fit.ts';
import { handoutFile, type HandoutKind } from '../../src/lib/handout-files.ts';
import { DOCS_DIR, editionDir, readPageFiles } from '../../src/lib/page-files.ts';
import { markSheetPoints, pageSections, SheetChoiceError } from '../../src/lib/sheet.ts';
import { handoutPage as page } from '../support/handout-page.ts';

const heading = (level: number, id: string): string =>
  `<div class="sl-heading-wrapper level-h${level}"><h${level} id="${id}">${id}</h${level}><a class="sl-anchor-link" href="#${id}">#</a></div>`;

const body = [
  '<p>Intro</p>',
  heading(2, 'before'),
  '<p>Eat lightly.</p>',
  heading(3, 'food'),
  '<p>No food for 2 hours.</p>',
  heading(2, 'after'),
  '<p>Rest.</p>',
].join('');

describe('sheet points', () => {
  it('finds each section up to the next heading of the same or a higher level', () => {
    const sections = pageSections(body);
    expect(sections.map((s) => [s.id, s.level])).toEqual([
      ['before', 2],
      ['food', 3],
      ['after', 2],
    ]);
    const before = sections[0];
    expect(body.slice(before?.start, before?.end)).toContain('No food for 2 hours.');
    expect(body.slice(before?.start, before?.end)).not.toContain('Rest.');
  });

  it('wraps the named sections, whole, in a data-sheet="point" element, and leaves the rest as it was', () => {
    const marked = markSheetPoints(body, ['after', 'before'], 'src/content/docs/x.md');
    const points = [
      ...marked.matchAll(
        /<div class="sheet-point" data-sheet="point">([\s\S]*?)<\/div>(?=<div class="sl|<div class="sheet|$)/g,
      ),
    ];
    expect(points).toHaveLength(2);
    expect(marked.replaceAll('<div class="sheet-point" data-sheet="point">', '')).toHaveLength(
      body.length + '</div>'.length * 2,
    );
    expect(marked.startsWith('<p>Intro</p><div class="sheet-point" data-sheet="point">')).toBe(true);
    expect(marked.endsWith('<p>Rest.</p></div>')).toBe(true);
  });

  it('does not wrap a section twice when it lies inside another chosen one', () => {
    const marked = markSheetPoints(body, ['before', 'food'], 'x.md');
    expect(marked.match(/data-sheet="point"/g)).toHaveLength(1);
    const inner = markSheetPoints(body, ['food'], 'x.md');
    expect(inner).toContain(
      `<div class="sheet-point" data-sheet="point">${heading(3, 'food')}<p>No food for 2 hours.</p></div>`,
    );
  });

  it('stops on a name that is not a heading of the page, naming the file and the valid choices', () => {
    expect(() => markSheetPoints(body, ['befor'], 'src/content/docs/preparing.md')).toThrow(SheetChoiceError);
    expect(() => markSheetPoints(body, ['befor'], 'src/content/docs/preparing.md')).toThrow(
      /src\/content\/docs\/preparing\.md: `sheet` names "befor", which is not a section of this page\. Valid choices \(the ids of its headings\): before, food, after/,
    );
  });
});

describe('sheet files and the 2-page rule', () => {
  it('puts sheets in one-sheet/<paper>/', () => {
    expect(handoutFile('risks', 'a4', 'sheet')).toBe('one-sheet/a4/risks.pdf');
    expect(handoutFile('es-risks', 'letter', 'sheet')).toBe('one-sheet/letter/es-risks.pdf');
  });

  it('says which page, which paper, by how much, and what to cut', () => {
    const page = { slug: 'risks-and-side-effects', source: 'src/content/docs/risks-and-side-effects.mdx' };
    expect(sheetOverflowMessage(page, 'a4', { printed: 3, pages: 2.4, overMm: 102.4 })).toMatch(
      /^one-sheet for "risks-and-side-effects" \(src\/content\/docs\/risks-and-side-effects\.mdx\) on A4 is 2\.4 pages: 0\.4 page \(about 102 mm\) too long; .*Take a point out of `sheet`/,
    );
    expect(sheetOverflowMessage(page, 'letter', { printed: 3, pages: 2.032, overMm: 7.4 })).toMatch(
      /on US Letter is 2\.03 pages: 0\.03 page \(about 7 mm\) too long/,
    );
    expect(sheetOverflowMessage(page, 'letter', { printed: 3, pages: 1.99, overMm: 0 })).toMatch(
      /on US Letter is 3 pages when printed: .*breaks that keep boxes and list items whole/,
    );
  });
});

describe('every handout page chooses its sheet points', () => {
  it('in every edition, the same number of points in each language', () => {
    const pages = [
      ...readPageFiles(DOCS_DIR),
      ...readPageFiles(editionDir('es')).map((page) => ({ ...page, file: `es/${page.file}` })),
    ];
    const handoutPages = pages.filter(
      (page) => (page.frontmatter.handout as { include?: boolean } | undefined)?.include !== false,
    );
    expect(handoutPages.length).toBeGreaterThan(30);
    const counts = new Map<string, number[]>();
    for (const page of handoutPages) {
      const sheet = page.frontmatter.sheet;
      expect(Array.isArray(sheet) && sheet.length > 0, `${page.file}: add a \`sheet\` list`).toBe(true);
      const name = page.file.replace(/^es\//, '');
      counts.set(name, [...(counts.get(name) ?? []), (sheet as unknown[]).length]);
    }
    for (const [name, perLanguage] of counts) expect(new Set(perLanguage).size, name).toBe(1);
  });
});

describe('the cache key of a sheet', () => {
  const index = { site: 'https://guide.example.org', base: '/', labels: {} };
  const job = (slug: string, kind: HandoutKind): HandoutJob => ({
    type: 'handout',
    page: page(slug),
    paper: 'a4',
    kind,
    file: handoutFile(slug, 'a4', kind),
  });
  const hashes = (risks: string, other: string): Map<string, string> =>
    new Map([
      ['/risks/', risks],
      ['/other/', other],
    ]);

  it('changes when its page changes, and only then', () => {
    const sheet = job('risks', 'sheet');
    const before = jobKey(sheet, 'renderer', hashes('a', 'x'), index);
    expect(jobKey(sheet, 'renderer', hashes('a', 'y'), index)).toBe(before);
    expect(jobKey(sheet, 'renderer', hashes('b', 'x'), index)).not.toBe(before);
    expect(jobKey(job('risks', 'standard'), 'renderer', hashes('a', 'x'), index)).not.toBe(before);
  });
});
