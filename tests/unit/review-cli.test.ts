import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewFileSchema } from '../../src/contracts/review-records.ts';
import { addMonths, localToday } from '../../src/review/dates.ts';
import { clinic } from '../../clinic.config.ts';
import { builds } from '../support/editions.ts';
import { copyReviewSite, type ReviewSite } from '../support/review-site.ts';
import { runCommand } from '../support/run.ts';

/** `npm run review -- <args>` against the temporary copy. */
function review(site: ReviewSite, args: string[]) {
  return runCommand('node', ['scripts/review.ts', ...args, '--root', site.root], {}, 30_000);
}

// Each case starts the real command (a Node process), which takes seconds on a busy machine.
describe('npm run review', { timeout: 30_000 }, () => {
  let site: ReviewSite;
  beforeEach(async () => {
    site = await copyReviewSite();
  });
  afterEach(async () => {
    await site.remove();
  });

  it('signs a page and then lists it in status with its reviewer, date and next due date', async () => {
    // The Spanish page too when the clinic builds Spanish (an English-only clinic has no es/ pages to sign).
    const spanish = builds(clinic, 'es');
    const pages = spanish ? ['glossary', 'es/glossary'] : ['glossary'];
    const signed = await review(site, ['sign', ...pages, '--by', 'Ana Ruiz, MD']);
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(0);
    const today = localToday();
    const due = addMonths(today, 12);
    expect(signed.stdout).toContain(`Signed glossary: reviewed by Ana Ruiz, MD on ${today}; next review due ${due}.`);
    if (spanish)
      expect(reviewFileSchema.parse(JSON.parse(await site.read('src/content/reviews/es.json'))).reviews).toHaveLength(
        1,
      );
    const status = await review(site, ['status']);
    expect(status.code).toBe(0);
    const row = (label: string): string[] =>
      status.stdout
        .split('\n')
        .find((line) => line.startsWith(`${label} `))
        ?.split(/\s{2,}/) ?? [];
    expect(row('glossary')).toEqual(['glossary', 'Ana Ruiz, MD', today, due, 'no']);
    if (spanish) expect(row('es/glossary')).toEqual(['es/glossary', 'Ana Ruiz, MD', today, due, 'no', 'no']);
    expect(row('risks-and-side-effects')).toEqual(['risks-and-side-effects', 'NOT REVIEWED', '-', '-', '-']);
    expect(status.stdout).toMatch(new RegExp(`${pages.length} of \\d+ pages have a current clinical review`));
  });

  it.each([
    ['an unknown page', ['sign', 'no-such-page', '--by', 'Ana Ruiz, MD'], /there is no page "no-such-page"/],
    ['an empty name', ['sign', 'glossary', '--by', ''], /--by is required/],
    ['a missing --by', ['sign', 'glossary'], /--by is required/],
    ['a name without credentials', ['sign', 'glossary', '--by', 'Ana Ruiz'], /name and credentials/],
    [
      'an unknown flag',
      ['sign', 'glossary', '--by', 'Ana Ruiz, MD', '--reviewer', 'x'],
      /Unknown option '--reviewer'.*--help/,
    ],
    ['a flag with no value', ['sign', 'glossary', '--by'], /--by/],
    ['an unknown command', ['approve', 'glossary'], /unknown command "approve"/],
    ['a date in the future', ['sign', 'glossary', '--by', 'Ana Ruiz, MD', '--date', '2999-01-01'], /in the future/],
  ])('refuses %s with a clear message, exit code 2, and changes nothing', async (_label, args, message) => {
    const before = await site.snapshot();
    const result = await review(site, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^review: /);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(await site.snapshot()).toEqual(before);
  });
});
