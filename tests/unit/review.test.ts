import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewFileSchema } from '../../src/contracts/review-records.ts';
import { addMonths, isIsoDay, localToday } from '../../src/review/dates.ts';
import { contentHash } from '../../src/review/hash.ts';
import { readReviewFile, ReviewError } from '../../src/review/records.ts';
import { buildFindings, collectStatuses, type PageStatus } from '../../src/review/report.ts';
import { signPages } from '../../src/review/sign.ts';
import { reviewState, type ReviewPolicy } from '../../src/review/status.ts';
import { reviewWords, type ReviewTemplates } from '../../src/review/words.ts';
import { bookletReview } from '../../src/review/booklet-review.ts';
import { copyReviewSite, type ReviewSite } from '../support/review-site.ts';

const policy: ReviewPolicy = { intervalMonths: 12, warnDays: 60, overdue: 'notice' };
const languages = ['en', 'es'] as const;
const TODAY = '2027-03-10';

function statusOf(statuses: PageStatus[], label: string): PageStatus {
  const found = statuses.find(
    (status) => (status.page.lang === 'en' ? status.page.page : `${status.page.lang}/${status.page.page}`) === label,
  );
  if (!found) throw new Error(`no status for ${label}`);
  return found;
}

describe('review dates', () => {
  it('adds months by the calendar, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-11-20', 12)).toBe('2027-11-20');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDay('2026-11-20')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('20 Nov 2026')).toBe(false);
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('content hash', () => {
  it('ignores line endings, and nothing else', () => {
    expect(contentHash('a\r\nb\rc\n')).toBe(contentHash('a\nb\nc\n'));
    expect(contentHash('a\nb\n')).not.toBe(contentHash('a\nb \n'));
  });
});

describe('signing and status', () => {
  let site: ReviewSite;
  beforeEach(async () => {
    site = await copyReviewSite();
  });
  afterEach(async () => {
    await site.remove();
  });

  it('shows every page as not reviewed while there are no records (the sample content ships unreviewed)', async () => {
    const statuses = await collectStatuses(site.root, languages, policy, TODAY);
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.every((status) => status.state.kind === 'unreviewed')).toBe(true);
  });

  it('records who, when and the hash of the file, and status then shows the review and its due date', async () => {
    const [record] = await signPages({
      root: site.root,
      languages,
      pages: ['glossary'],
      by: '  Ana Ruiz, MD ',
      today: TODAY,
    });
    const source = await site.read('src/content/docs/glossary.md');
    expect(record).toEqual({
      page: 'glossary',
      lang: 'en',
      reviewer: 'Ana Ruiz, MD',
      date: TODAY,
      contentSha256: contentHash(source),
    });
    const file = reviewFileSchema.parse(JSON.parse(await site.read('src/content/reviews/en.json')));
    expect(file.reviews).toEqual([record]);
    const status = statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'glossary');
    expect(status.state).toMatchObject({
      kind: 'current',
      due: '2028-03-10',
      dueSoon: false,
      review: { reviewer: 'Ana Ruiz, MD' },
    });
    expect(
      statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'risks-and-side-effects').state.kind,
    ).toBe('unreviewed');
  });

  it('says a page changed when its file is edited after the review, and not when only its line endings change', async () => {
    await signPages({
      root: site.root,
      languages,
      pages: ['risks-and-side-effects'],
      by: 'Ana Ruiz, MD',
      today: TODAY,
    });
    const file = join(site.root, 'src/content/docs/risks-and-side-effects.mdx');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/\n/g, '\r\n'));
    expect(
      statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'risks-and-side-effects').state.kind,
    ).toBe('current');
    await appendFile(file, '\nA sentence added after the review.\n');
    expect(
      statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'risks-and-side-effects').state.kind,
    ).toBe('changed');
    // Signing again covers the new text.
    await signPages({
      root: site.root,
      languages,
      pages: ['risks-and-side-effects'],
      by: 'Ben Ode, PharmD',
      today: TODAY,
    });
    const state = statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'risks-and-side-effects').state;
    expect(state).toMatchObject({ kind: 'current', review: { reviewer: 'Ben Ode, PharmD' } });
    expect((await readReviewFile(site.root, 'en')).reviews).toHaveLength(2);
  });

  it('tells when the English page changed after its translation was checked', async () => {
    const [record] = await signPages({
      root: site.root,
      languages,
      pages: ['es/glossary'],
      by: 'Lucía Pérez, MD',
      today: TODAY,
    });
    expect(record?.englishSha256).toBe(contentHash(await site.read('src/content/docs/glossary.md')));
    expect(statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'es/glossary')).toMatchObject({
      state: { kind: 'current' },
      englishChanged: false,
    });
    await appendFile(join(site.root, 'src/content/docs/glossary.md'), '\nA new English term.\n');
    const status = statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'es/glossary');
    expect(status).toMatchObject({ state: { kind: 'current' }, englishChanged: true });
    expect(buildFindings([status], policy).warnings.join('\n')).toMatch(/es\/glossary .*English page changed/);
  });

  it('warns ahead of the due date, then flags the page as overdue (or stops the build, if the clinic says so)', async () => {
    await signPages({
      root: site.root,
      languages,
      pages: ['after-your-session'],
      by: 'Ana Ruiz, MD',
      date: '2026-04-01',
      today: TODAY,
    });
    const soon = statusOf(await collectStatuses(site.root, languages, policy, TODAY), 'after-your-session');
    expect(soon.state).toMatchObject({ kind: 'current', due: '2027-04-01', dueSoon: true });
    expect(buildFindings([soon], policy).warnings[0]).toMatch(/after-your-session .*due on 2027-04-01/);
    const late = statusOf(await collectStatuses(site.root, languages, policy, '2027-04-02'), 'after-your-session');
    expect(late.state).toMatchObject({ kind: 'overdue', due: '2027-04-01' });
    expect(buildFindings([late], policy)).toMatchObject({ errors: [] });
    expect(buildFindings([late], policy).warnings[0]).toMatch(/after-your-session .*was due on 2027-04-01/);
    const failing = buildFindings([late], { ...policy, overdue: 'fail' });
    expect(failing.errors[0]).toMatch(
      /after-your-session \(.*after-your-session\.mdx?\): its clinical review was due on 2027-04-01/,
    );
  });

  it.each([
    ['an unknown page', { pages: ['no-such-page'] }, /there is no page "no-such-page"/],
    ['a Spanish page that does not exist', { pages: ['es/no-such-page'] }, /there is no page "es\/no-such-page"/],
    ['an empty name', { by: '   ' }, /--by is required/],
    ['a name without credentials', { by: 'Ana Ruiz' }, /name and credentials, separated by a comma/],
    ['no name at all', { by: undefined }, /--by is required/],
    ['a review date in the future', { date: '2999-01-01' }, /in the future/],
    ['a review date that is not a day', { date: '2027-02-30' }, /--date must be a real day/],
    ['no page', { pages: [] }, /name at least one page/],
    ['one good and one unknown page', { pages: ['glossary', 'nope'] }, /there is no page "nope"/],
  ])('refuses %s and writes nothing', async (_label, change, message) => {
    const before = await site.snapshot();
    const request = { root: site.root, languages, pages: ['glossary'], by: 'Ana Ruiz, MD', today: TODAY, ...change };
    await expect(signPages(request)).rejects.toThrow(ReviewError);
    await expect(signPages(request)).rejects.toThrow(message);
    expect(await site.snapshot()).toEqual(before);
  });

  it('refuses a damaged record file, naming it, instead of treating pages as unreviewed', async () => {
    await writeFile(
      join(site.root, 'src/content/reviews/en.json'),
      JSON.stringify({
        lang: 'en',
        reviews: [{ page: 'glossary', lang: 'en', reviewer: 'Ana Ruiz', date: '2026-13-01', contentSha256: 'abc' }],
      }),
    );
    const error = await collectStatuses(site.root, languages, policy, TODAY).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReviewError);
    expect((error as Error).message).toMatch(/src\/content\/reviews\/en\.json is not a valid review record file/);
    expect((error as Error).message).toMatch(/reviews\.0\.reviewer/);
    expect((error as Error).message).toMatch(/reviews\.0\.date/);
    expect((error as Error).message).toMatch(/reviews\.0\.contentSha256/);
  });
});

describe('what a page says about its review', () => {
  const templates: ReviewTemplates = {
    current: 'Reviewed by {reviewer} on {date} · Next review due {due}',
    unreviewed: 'This page has not yet been checked by a clinician.',
    changed: 'This page has changed since its last review.',
    overdue: 'This page is due for a new check by a clinician (due {due}).',
    last: 'Last reviewed by {reviewer} on {date}.',
    advice: 'Talk with your care team.',
  };
  const review = {
    page: 'glossary',
    lang: 'en' as const,
    reviewer: 'Ana Ruiz, MD',
    date: '2026-11-20',
    contentSha256: 'a'.repeat(64),
  };

  it('names the reviewer, the date and the next due date of a current review', () => {
    const words = reviewWords(reviewState(review, 'a'.repeat(64), '2026-12-01', policy), templates, 'en-US');
    expect(words).toEqual({
      notice: false,
      headline: 'Reviewed by Ana Ruiz, MD on November 20, 2026 · Next review due November 20, 2027',
      details: [],
    });
  });

  it('gives a notice for a page never reviewed, changed since, or overdue', () => {
    expect(reviewWords(reviewState(undefined, 'a'.repeat(64), '2026-12-01', policy), templates, 'en')).toMatchObject({
      notice: true,
      headline: templates.unreviewed,
    });
    const changed = reviewWords(reviewState(review, 'b'.repeat(64), '2026-12-01', policy), templates, 'en');
    expect(changed).toMatchObject({
      notice: true,
      headline: templates.changed,
      details: ['Last reviewed by Ana Ruiz, MD on November 20, 2026.', templates.advice],
    });
    const overdue = reviewWords(reviewState(review, 'a'.repeat(64), '2027-11-21', policy), templates, 'en');
    expect(overdue).toMatchObject({
      notice: true,
      headline: 'This page is due for a new check by a clinician (due November 20, 2027).',
    });
  });

  it('writes dates the Spanish way on Spanish pages', () => {
    const words = reviewWords(
      reviewState(review, 'a'.repeat(64), '2026-12-01', policy),
      { ...templates, current: 'Revisado por {reviewer} el {date} · Próxima revisión: {due}' },
      'es',
    );
    expect(words.headline).toBe(
      'Revisado por Ana Ruiz, MD el 20 de noviembre de 2026 · Próxima revisión: 20 de noviembre de 2027',
    );
  });

  it('makes the booklet say how many of its handouts lack a current review', () => {
    const labels = { bookletReviewedAll: 'All checked.', bookletNotReviewed: '{count} of {total} not checked.' };
    expect(
      bookletReview(
        [
          { line: 'x', notice: true },
          { line: 'y', notice: false, date: '2026-11-20' },
          { line: 'z', notice: true },
        ],
        labels,
      ),
    ).toEqual({ line: '2 of 3 not checked.', notice: true, date: '2026-11-20' });
    expect(
      bookletReview(
        [
          { line: 'y', notice: false, date: '2026-11-20' },
          { line: 'y', notice: false, date: '2026-12-01' },
        ],
        labels,
      ),
    ).toEqual({ line: 'All checked.', notice: false, date: '2026-12-01' });
  });
});
