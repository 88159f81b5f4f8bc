import { describe, expect, it } from 'vitest';
import { HELP, parseCli } from '../../scripts/pdf/cli.ts';
import { UsageError } from '../../src/handouts/pages.ts';
import { selectPages } from '../../src/handouts/run.ts';
import { carriedOver, planJobs } from '../../src/handouts/plan.ts';
import { papersFor } from '../../src/lib/handout-files.ts';
import { titleRepairer } from '../../src/handouts/outline.ts';
import { handoutPage as page } from '../support/handout-page.ts';

describe('npm run pdf options', () => {
  it('has sensible defaults', () => {
    const options = parseCli([]);
    expect(options.site).toBe('dist');
    expect(options.out).toBe('dist/handouts');
    expect(options.only).toEqual([]);
    expect(options.concurrency).toBeGreaterThanOrEqual(2);
    expect(options.timeoutMs).toBe(30_000);
  });

  it('reads repeated --only and the other flags', () => {
    const options = parseCli([
      '--only',
      'a',
      '--only',
      'b',
      '--site',
      'build',
      '--concurrency',
      '3',
      '--browser',
      '/usr/bin/chromium',
      '--timeout',
      '5',
    ]);
    expect(options).toMatchObject({
      only: ['a', 'b'],
      site: 'build',
      out: 'build/handouts',
      concurrency: 3,
      browser: '/usr/bin/chromium',
      timeoutMs: 5000,
    });
  });

  it('rejects an unknown flag and lists the valid ones', () => {
    expect(() => parseCli(['--papr', 'a4'])).toThrow(UsageError);
    expect(() => parseCli(['--papr', 'a4'])).toThrow(/--papr[\s\S]*Valid options: .*--only/);
  });

  it('rejects a concurrency that is not a positive whole number', () => {
    for (const bad of ['0', '-2', '1.5', 'many']) {
      expect(() => parseCli([`--concurrency=${bad}`]), bad).toThrow(/--concurrency must be a whole number/);
    }
  });

  it('rejects an unknown page and lists the valid ones', () => {
    const pages = [page('start-here'), page('risks')];
    expect(selectPages(pages, [])).toEqual(pages);
    expect(selectPages(pages, ['risks']).map((p) => p.slug)).toEqual(['risks']);
    expect(() => selectPages(pages, ['risk'])).toThrow(/Unknown page for --only: risk\nValid pages: start-here, risks/);
  });
});

describe('npm run pdf outputs', () => {
  it('makes everything on both paper sizes by default', () => {
    expect(parseCli([])).toMatchObject({
      papers: ['letter', 'a4'],
      sheets: true,
      standard: true,
      largePrint: true,
      booklet: true,
      force: false,
      languages: [],
    });
  });

  it('makes only what --large-print and --booklet name, on the --paper chosen', () => {
    expect(parseCli(['--booklet', '--paper', 'a4'])).toMatchObject({
      papers: ['a4'],
      sheets: false,
      standard: false,
      largePrint: false,
      booklet: true,
    });
    expect(parseCli(['--large-print', '--force'])).toMatchObject({
      sheets: false,
      standard: false,
      largePrint: true,
      booklet: false,
      force: true,
    });
  });

  it('makes one-sheets by default, only them with --sheets, and everything but them with --no-sheets', () => {
    expect(parseCli(['--sheets'])).toMatchObject({ sheets: true, standard: false, largePrint: false, booklet: false });
    expect(parseCli(['--no-sheets'])).toMatchObject({ sheets: false, standard: true, largePrint: true, booklet: true });
    expect(parseCli(['--no-sheets', '--booklet'])).toMatchObject({ sheets: false, standard: false, booklet: true });
    expect(() => parseCli(['--sheets', '--no-sheets'])).toThrow(/--sheets and --no-sheets contradict/);
    expect(HELP).toMatch(/--sheets .*\n.*one-sheet\/<paper>\/<page>\.pdf/s);
    expect(HELP).toContain('--no-sheets');
  });

  it('rejects an unknown paper size and lists the valid ones', () => {
    expect(() => parseCli(['--paper', 'legal'])).toThrow(/--paper must be one of: letter, a4, both, all; not "legal"/);
  });

  it("prints on the clinic's paper unless --paper says otherwise", () => {
    expect(papersFor('a4')).toEqual(['a4']);
    expect(papersFor('letter')).toEqual(['letter']);
    expect(papersFor('both')).toEqual(['letter', 'a4']);
    expect(parseCli([], papersFor('a4')).papers).toEqual(['a4']);
    expect(parseCli(['--paper', 'letter'], papersFor('a4')).papers).toEqual(['letter']);
    expect(parseCli(['--paper', 'both'], papersFor('a4')).papers).toEqual(['letter', 'a4']);
  });

  it('drops PDFs on a paper the run does not print on from the published set, and keeps the rest', () => {
    const pages = [page('start-here'), page('risks')];
    const entry = (file: string, slug: string, paper: 'letter' | 'a4') => ({ file, slug, paper });
    const previous = [
      entry('booklet-letter.pdf', 'booklet', 'letter'),
      entry('letter/start-here.pdf', 'start-here', 'letter'),
      entry('a4/start-here.pdf', 'start-here', 'a4'),
      entry('a4/risks.pdf', 'risks', 'a4'),
      entry('a4/gone.pdf', 'gone', 'a4'),
      entry('large-print/a4/risks.pdf', 'risks', 'a4'),
    ];
    // `npm run pdf -- --paper a4 --only start-here`: risks' A4 files stay, every Letter file and the gone page go.
    const options = { ...parseCli(['--paper', 'a4', '--only', 'start-here']) };
    const jobs = planJobs(pages, options);
    expect(carriedOver(previous, jobs, pages, options.papers).map((kept) => kept.file)).toEqual([
      'a4/risks.pdf',
      'large-print/a4/risks.pdf',
    ]);
  });

  it('plans one PDF per page, paper and kind, booklets first, and rejects an unknown language', () => {
    const pages = [page('start-here'), page('risks')];
    const jobs = planJobs(pages, { ...parseCli(['--paper', 'letter']), only: [] });
    expect(jobs.map((job) => job.file)).toEqual([
      'booklet-letter.pdf',
      'one-sheet/letter/start-here.pdf',
      'one-sheet/letter/risks.pdf',
      'letter/start-here.pdf',
      'letter/risks.pdf',
      'large-print/letter/start-here.pdf',
      'large-print/letter/risks.pdf',
    ]);
    expect(() => planJobs(pages, { ...parseCli(['--lang', 'fr']) })).toThrow(
      /Unknown language for --lang: fr\nValid languages: en/,
    );
  });
});

describe('bookmark titles', () => {
  it('are repaired where Chromium doubled a heading or dropped the space between its lines', () => {
    const repair = titleRepairer(['Sources', 'Ketamine-assisted psychotherapy and integration', 'What to know']);
    expect(repair('SourcesSources')).toBe('Sources');
    expect(repair('Ketamine-assisted psychotherapy andKetamine-assisted psychotherapy andintegration')).toBe(
      'Ketamine-assisted psychotherapy and integration',
    );
    expect(repair('What to know')).toBe('What to know');
    expect(repair('Not a heading')).toBe('Not a heading');
  });
});
