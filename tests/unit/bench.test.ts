/** The pure parts of `npm run bench` (scripts/bench/): statistics, the order of the paired runs, flags, the table. No timing. */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchUsageError, DEFAULT_RUNS, parseBenchArgs } from '../../scripts/bench/args.ts';
import { RENDERER_SCENARIOS, touchPage } from '../../scripts/bench/scenarios.ts';
import { alternatingSteps, median, perSecond, range, speedUps } from '../../scripts/bench/stats.ts';
import { installedStarlightToPdf } from '../../scripts/bench/starlight-to-pdf.ts';
import { formatTable } from '../../scripts/bench/table.ts';
import { fileTimes } from '../../scripts/bench/test-times.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import type { HandoutIndex } from '../../src/handouts/pages.ts';

describe('bench statistics', () => {
  it('takes the median of odd and even counts, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(/no values/);
  });

  it('takes the range', () => {
    expect(range([2.5, 1.9, 3.1])).toEqual({ min: 1.9, max: 3.1 });
    expect(() => range([])).toThrow(/no values/);
  });

  it('gives a rate of 0 when nothing was done, and refuses a zero time otherwise', () => {
    expect(perSecond(132, 33)).toBe(4);
    expect(perSecond(0, 0.9)).toBe(0);
    expect(() => perSecond(3, 0)).toThrow(/rate/);
  });

  it('computes the speed-up pair by pair, so a slow pair does not skew the others', () => {
    const result = speedUps([
      { ours: 4, theirs: 12 },
      { ours: 5, theirs: 10 },
      { ours: 2, theirs: 8 },
    ]);
    expect(result.ratios).toEqual([3, 2, 4]);
    expect(result).toMatchObject({ median: 3, min: 2, max: 4 });
    expect(() => speedUps([{ ours: 0, theirs: 10 }])).toThrow(/two positive times/);
  });
});

describe('the order of the comparison runs', () => {
  it('alternates ours and theirs, ours first, n times each', () => {
    expect(alternatingSteps(3)).toEqual([
      { pair: 0, tool: 'ours' },
      { pair: 0, tool: 'theirs' },
      { pair: 1, tool: 'ours' },
      { pair: 1, tool: 'theirs' },
      { pair: 2, tool: 'ours' },
      { pair: 2, tool: 'theirs' },
    ]);
    expect(alternatingSteps(1).map((step) => step.tool)).toEqual(['ours', 'theirs']);
  });

  it('refuses a count that is not a whole number of 1 or more', () => {
    expect(() => alternatingSteps(0)).toThrow(/1 or more/);
    expect(() => alternatingSteps(2.5)).toThrow(/1 or more/);
  });
});

describe('npm run bench flags', () => {
  it('defaults to 5 pairs, a fresh build and every part', () => {
    expect(parseBenchArgs([])).toEqual({
      site: undefined,
      runs: DEFAULT_RUNS,
      skipStarlightToPdf: false,
      rendererOnly: false,
      help: false,
    });
    expect(DEFAULT_RUNS).toBe(5);
  });

  it('reads every flag', () => {
    expect(
      parseBenchArgs(['--site', 'dist', '--runs', '3', '--skip-starlight-to-pdf', '--renderer-only', '-h']),
    ).toEqual({ site: 'dist', runs: 3, skipStarlightToPdf: true, rendererOnly: true, help: true });
  });

  it.each(['0', '-2', '2.5', 'five', '', '3x'])('refuses --runs %j, saying what it wants', (value) => {
    expect(() => parseBenchArgs([`--runs=${value}`])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs([`--runs=${value}`])).toThrow(/--runs must be a whole number of 1 or more/);
  });

  it('refuses an unknown flag or a missing value, listing the valid ones', () => {
    expect(() => parseBenchArgs(['--rnus', '3'])).toThrow(/--rnus[\s\S]*Valid options: --site, --runs/);
    expect(() => parseBenchArgs(['--runs'])).toThrow(/--runs[\s\S]*npm run bench -- --help/);
    expect(() => parseBenchArgs(['extra'])).toThrow(BenchUsageError);
  });
});

describe('the bench table', () => {
  it('pads columns to their widest cell and right-aligns numbers', () => {
    const lines = formatTable(
      ['step', 'time', 'files/s'],
      [
        ['Full set, cold', '27.0 s', '4.9'],
        ['Unchanged', '0.90 s', '-'],
      ],
    );
    expect(lines).toEqual([
      'step            time    files/s',
      '--------------  ------  -------',
      'Full set, cold  27.0 s      4.9',
      'Unchanged       0.90 s  -',
    ]);
  });
});

describe('the renderer scenarios', () => {
  it('start cold, then rebuild unchanged, then with one page changed', () => {
    expect(RENDERER_SCENARIOS.map((scenario) => [scenario.pdfArgs, scenario.change !== undefined])).toEqual([
      [['--force'], false],
      [[], false],
      [[], true],
    ]);
  });

  it('change a page by touching its built HTML, and say which page', async () => {
    const site = await mkdtemp(join(tmpdir(), 'bench-touch-'));
    try {
      await mkdir(join(site, 'es', 'glossary'), { recursive: true });
      await writeFile(join(site, 'es', 'glossary', 'index.html'), '<p>glosario</p>');
      const index = {
        base: '/guide/',
        pages: [
          { slug: 'what-is-ketamine', lang: 'en', path: '/guide/what-is-ketamine/' },
          { slug: 'es-glossary', lang: 'es', path: '/guide/es/glossary/' },
        ],
      } as unknown as HandoutIndex; // Only base, slug, lang and path are read.
      const changed = await touchPage((page) => page.lang === 'es')({ site, index });
      expect(changed).toBe('es-glossary');
      expect(await readFile(join(site, 'es', 'glossary', 'index.html'), 'utf8')).toMatch(
        /^<p>glosario<\/p>\n<!-- changed by npm run bench \d+ -->\n$/,
      );
      await expect(touchPage(() => false)({ site, index })).rejects.toThrow(/no page to change/);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});

describe('starlight-to-pdf, the tool compared with', () => {
  it('is the pinned devDependency, found through its own package.json bin', async () => {
    const packageJson = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const tool = await installedStarlightToPdf();
    expect(tool.version).toBe(packageJson.devDependencies['starlight-to-pdf']);
    expect(tool.bin).toMatch(/node_modules\/starlight-to-pdf\/index\.js$/);
  });
});

describe('test times from a vitest JSON report', () => {
  it('gives each file its wall time, hooks included, slowest first, and counts failures', () => {
    const result = (name: string, startTime: number, endTime: number, statuses: string[]) => ({
      name: join(PROJECT_ROOT, name),
      startTime,
      endTime,
      status: statuses.includes('failed') ? 'failed' : 'passed',
      assertionResults: statuses.map((status) => ({ status })),
    });
    const times = fileTimes({
      startTime: 0,
      testResults: [
        result('tests/e2e/links.test.ts', 1_000, 4_500, ['passed', 'passed']),
        result('tests/e2e/faults.test.ts', 4_500, 64_500, ['passed', 'failed']),
      ],
    });
    expect(times).toEqual([
      { file: 'tests/e2e/faults.test.ts', seconds: 60, tests: 2, failed: 1 },
      { file: 'tests/e2e/links.test.ts', seconds: 3.5, tests: 2, failed: 0 },
    ]);
    expect(() => fileTimes({ testResults: 'none' })).toThrow();
  });
});
