import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docsDir, loadPages, type GuidePage } from '../support/pages';
import { loadPematScores, pematPercent, ratingProblems, type PageScore } from '../support/pemat-p';

/** AHRQ gives no official cut-off; 70% is the one commonly used. The project asks more of understandability. */
const minUnderstandability = 80;
const minActionability = 70;

/** Pages about risk or eligibility must give the reader something to act on: a checklist or a visual aid. */
const riskAndEligibilityPages = [
  'risks-and-side-effects',
  'after-your-session',
  'is-it-right-for-me',
  'legal-status-and-safe-settings',
  'preparing-for-your-session',
];

/** Components that draw a visual aid (a captioned figure, table or grouped list), and those that are tables. */
const visualAidTag = /<(?:SessionTimeline|TreatmentOptions|WhenToGetHelp|HandoutTable)\b/;
const tableTag = /<(?:TreatmentOptions|HandoutTable)\b|^\|.*\|\s*$/m;
const checklist = /^- \[ \] /m;

const scores = loadPematScores();
const editions = [
  { language: 'en' as const, pages: loadPages() },
  { language: 'es' as const, pages: loadPages(join(docsDir, 'es'), '/es/') },
];
const cases = editions.flatMap(({ language, pages }) =>
  pages.map((page) => [`${language}/${page.slug}`, language, page] as const),
);
const results: string[] = [];

function scoreOf(language: 'en' | 'es', page: GuidePage): PageScore | undefined {
  return scores.pages[language]?.[page.slug];
}

describe('PEMAT-P scores (tests/support/pemat-p.yaml)', () => {
  it('scores no page that does not exist', () => {
    for (const { language, pages } of editions) {
      const slugs = new Set(pages.map((page) => page.slug));
      expect(
        Object.keys(scores.pages[language] ?? {}).filter((slug) => !slugs.has(slug)),
        `${language}: scores for missing pages`,
      ).toEqual([]);
    }
  });

  it.each(cases)('%s is scored item by item, with a reason for each Disagree or N/A', (name, language, page) => {
    const score = scoreOf(language, page);
    expect(score, `${name} has no PEMAT-P score: add it to tests/support/pemat-p.yaml`).toBeDefined();
    expect(ratingProblems(score!), name).toEqual([]);
  });

  it.each(cases)('%s reaches the PEMAT-P thresholds', (name, language, page) => {
    const score = scoreOf(language, page);
    expect(score).toBeDefined();
    const understandability = pematPercent(score!.understandability);
    const actionability = pematPercent(score!.actionability);
    results.push(`  ${understandability.toFixed(0).padStart(4)}%  ${actionability.toFixed(0).padStart(4)}%  ${name}`);
    expect(understandability, `${name}: understandability`).toBeGreaterThanOrEqual(minUnderstandability);
    expect(actionability, `${name}: actionability`).toBeGreaterThanOrEqual(minActionability);
  });

  it.each(cases)('%s: the visual-aid and table ratings match what the page contains', (name, language, page) => {
    const score = scoreOf(language, page);
    expect(score).toBeDefined();
    const { understandability: u } = score!;
    const hasAid = visualAidTag.test(page.body);
    // A page with a visual aid is rated on it (16, 17); a page without one cannot be credited for it.
    expect(u['16'] !== 'NA', `${name}: item 16 is N/A exactly when the page has no visual aid`).toBe(hasAid);
    expect(u['17'] !== 'NA', `${name}: item 17 is N/A exactly when the page has no visual aid`).toBe(hasAid);
    expect(u['19'] !== 'NA', `${name}: item 19 is N/A exactly when the page has no table`).toBe(
      tableTag.test(page.body),
    );
  });

  it.each(cases.filter(([, , page]) => riskAndEligibilityPages.includes(page.slug)))(
    '%s gives a checklist or a visual aid the reader can act on',
    (name, _language, page) => {
      expect(
        checklist.test(page.body) || visualAidTag.test(page.body),
        `${name} needs a checklist ("- [ ] ...") or a visual aid`,
      ).toBe(true);
    },
  );

  it('computes percentages as AHRQ does: Agree over items rated, N/A left out', () => {
    expect(pematPercent({ 1: 1, 2: 1, 3: 0, 4: 'NA' })).toBeCloseTo(66.67, 1);
    expect(pematPercent({ 20: 1, 21: 'NA' })).toBe(100);
    expect(pematPercent({ 20: 'NA' })).toBeNaN();
  });

  it('rejects incomplete or impossible ratings', () => {
    const problems = ratingProblems({ understandability: { 1: 'NA', 99: 1 }, actionability: { 20: 0 }, notes: {} });
    expect(problems).toContain('understandability item 2 is not rated');
    expect(problems).toContain("understandability item 1 cannot be rated N/A on AHRQ's form");
    expect(problems).toContain('understandability has no item 99');
    expect(problems).toContain('item 20 is rated 0: add a note saying why');
  });

  afterAll(() => {
    if (results.length > 0)
      console.log(
        [
          'PEMAT-P (understandability, actionability):',
          ...results.sort((a, b) => a.slice(14).localeCompare(b.slice(14))),
        ].join('\n'),
      );
  });
});
