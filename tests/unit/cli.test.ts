import { describe, expect, it } from 'vitest';
import { parseCli } from '../../scripts/handouts/cli.ts';
import { UsageError } from '../../scripts/handouts/pages.ts';
import { selectPages } from '../../scripts/handouts/run.ts';
import type { HandoutPage } from '../../scripts/handouts/pages.ts';

const page = (slug: string): HandoutPage => ({ slug, lang: 'en', title: slug, description: undefined, path: `/${slug}/`, reviewed: '2026-01-01', order: 1 });

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
    const options = parseCli(['--only', 'a', '--only', 'b', '--site', 'build', '--concurrency', '3', '--browser', '/usr/bin/chromium', '--timeout', '5']);
    expect(options).toMatchObject({ only: ['a', 'b'], site: 'build', out: 'build/handouts', concurrency: 3, browser: '/usr/bin/chromium', timeoutMs: 5000 });
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
