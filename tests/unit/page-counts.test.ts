/**
 * Numbering an assembled document's contents before it prints, without a browser: which single
 * handouts' page counts a booklet or packet needs, which of the last run's counts are still
 * current, waiting for those this run prints (and never in vain), the forecast of where each
 * handout starts, and the printing order that lets the booklet and the packets find their counts.
 */
import { describe, expect, it } from 'vitest';
import { duplexLayout, forecastStarts } from '../../src/handouts/contents-numbers.ts';
import type { ManifestEntry } from '../../src/handouts/manifest.ts';
import { currentCounts, PageCounts, singleHandoutFiles } from '../../src/handouts/page-counts.ts';
import type { HandoutPage } from '../../src/handouts/pages.ts';
import type { BookletJob, HandoutJob, PacketJob } from '../../src/handouts/plan.ts';
import { workUnits, type KeyedJob } from '../../src/handouts/render-pool.ts';
import { handoutPage as page } from '../support/handout-page.ts';

const PAGES = [page('start-here'), page('risks'), page('after')];

const booklet: BookletJob = { type: 'booklet', lang: 'en', pages: PAGES, paper: 'a4', file: 'booklet-a4.pdf' };
const packet = (from: 'sheets' | 'full', kind: PacketJob['kind']): PacketJob => ({
  type: 'packet',
  packet: { id: 'day', title: { en: 'Day' }, pages: ['after', 'risks'], from, duplex: false },
  title: 'Day',
  lang: 'en',
  pages: [PAGES[2] as HandoutPage, PAGES[1] as HandoutPage],
  paper: 'letter',
  kind,
  file: 'packets/letter/day.pdf',
});

/** Whether a promise is still waiting after everything already queued has run. */
async function stillWaiting(promise: Promise<unknown>): Promise<boolean> {
  const waiting = Symbol('waiting');
  return (await Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(waiting), 20))])) === waiting;
}

describe('the single handouts an assembled document is counted from', () => {
  it('are the standard handouts for the booklet, the one-sheets or the full pages for a packet, on its paper', () => {
    expect(singleHandoutFiles(booklet)).toEqual(['a4/start-here.pdf', 'a4/risks.pdf', 'a4/after.pdf']);
    expect(singleHandoutFiles(packet('sheets', 'standard'))).toEqual([
      'one-sheet/letter/after.pdf',
      'one-sheet/letter/risks.pdf',
    ]);
    expect(singleHandoutFiles(packet('full', 'standard'))).toEqual(['letter/after.pdf', 'letter/risks.pdf']);
    // Large print always prints the full large-print pages, also in a packet of one-sheets.
    expect(singleHandoutFiles(packet('sheets', 'large-print'))).toEqual([
      'large-print/letter/after.pdf',
      'large-print/letter/risks.pdf',
    ]);
  });
});

describe('page counts', () => {
  it('answers at once with counts known from the start', async () => {
    const counts = new PageCounts([['a.pdf', 3]], []);
    expect(await counts.of(['a.pdf'])).toEqual([3]);
  });

  it('waits for a PDF still printing, and answers with its count once it is written', async () => {
    const counts = new PageCounts([['a.pdf', 3]], ['b.pdf']);
    const answer = counts.of(['a.pdf', 'b.pdf']);
    expect(await stillWaiting(answer)).toBe(true);
    counts.settle('b.pdf', 5);
    expect(await answer).toEqual([3, 5]);
  });

  it('never waits for a PDF nobody prints, and gives up on one that failed or a stopped run', async () => {
    const counts = new PageCounts([['a.pdf', 3]], ['b.pdf', 'c.pdf']);
    expect(await counts.of(['a.pdf', 'not-planned.pdf'])).toBeUndefined();
    const failed = counts.of(['a.pdf', 'b.pdf']);
    counts.settle('b.pdf', undefined);
    expect(await failed).toBeUndefined();
    const stopped = counts.of(['c.pdf']);
    expect(await stillWaiting(stopped)).toBe(true);
    counts.giveUp();
    expect(await stopped).toBeUndefined();
  });
});

describe('the last run’s counts', () => {
  const entry = (file: string, slug: string, kind: ManifestEntry['kind'], key: string): ManifestEntry => ({
    slug,
    title: slug,
    url: `https://guide.example/${slug}/`,
    file,
    kind,
    paper: 'letter',
    pages: 4,
    bytes: 1,
    sha256: 'x',
    key,
  });
  const keyOf = (job: HandoutJob): string => `key:${job.file}`;

  it('count only where the PDF is still current: the same key as the page would be printed with now', () => {
    const previous = [
      entry('letter/risks.pdf', 'risks', 'standard', 'key:letter/risks.pdf'),
      entry('one-sheet/letter/after.pdf', 'after', 'sheet', 'key:one-sheet/letter/after.pdf'),
      // The page changed since: its key is not the one it would get now.
      entry('letter/after.pdf', 'after', 'standard', 'an older key'),
      // A page the guide no longer has, and an assembled document.
      entry('letter/gone.pdf', 'gone', 'standard', 'key:letter/gone.pdf'),
      entry('booklet-letter.pdf', 'booklet', 'booklet', 'key:booklet-letter.pdf'),
    ];
    expect(currentCounts(previous, PAGES, keyOf)).toEqual([
      ['letter/risks.pdf', 4],
      ['one-sheet/letter/after.pdf', 4],
    ]);
  });
});

describe('the forecast of where each handout starts', () => {
  it('starts after the cover and one page of contents, and two-sided after the cover’s back too', () => {
    expect(forecastStarts(['a', 'b', 'c'], [3, 2, 4], false)).toEqual({ a: 3, b: 6, c: 8 });
    const twoSided = forecastStarts(['a', 'b', 'c'], [3, 2, 4], true);
    expect(twoSided).toEqual({ a: 4, b: 7, c: 9 });
    // Then every handout is moved to a right-hand (odd) page: a filler before a and before b.
    expect(duplexLayout(['a', 'b', 'c'], twoSided)).toEqual({
      fillersBefore: ['a', 'b'],
      starts: { a: 5, b: 9, c: 11 },
    });
  });
});

describe('the printing order', () => {
  it('prints every page before any booklet or packet, whatever order they were planned in', () => {
    const handout = (slug: string, kind: HandoutJob['kind']): KeyedJob => ({
      job: { type: 'handout', page: page(slug), paper: 'letter', kind, file: `${kind}/${slug}.pdf` },
      key: '',
    });
    const units = workUnits([
      { job: booklet, key: '' },
      handout('risks', 'sheet'),
      { job: packet('sheets', 'standard'), key: '' },
      handout('after', 'sheet'),
      handout('risks', 'standard'),
    ]);
    expect(units.map((unit) => unit.map(({ job }) => job.file))).toEqual([
      ['sheet/risks.pdf', 'standard/risks.pdf'],
      ['sheet/after.pdf'],
      ['booklet-a4.pdf'],
      ['packets/letter/day.pdf'],
    ]);
  });
});
