import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../support/run.ts';

describe('a page with broken frontmatter', () => {
  it('fails the build, naming the file and the field (a hand-written review date)', { timeout: 180_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'guide-broken-'));
    const result = await runCommand('astro', ['build', '--root', 'tests/fixtures/bad-frontmatter'], {
      GUIDE_OUT_DIR: join(out, 'dist'),
      GUIDE_CACHE_DIR: join(out, 'cache'),
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).not.toBe(0);
    expect(output).toContain('hand-written-review');
    expect(output).toMatch(/reviewed/);
    expect(output).toMatch(/npm run review -- sign/);
  });
});

describe('a page whose body carries hostile HTML', () => {
  it('fails the build, naming the file and the line', { timeout: 180_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'guide-hostile-'));
    const result = await runCommand('astro', ['build', '--root', 'tests/fixtures/hostile-body'], {
      GUIDE_OUT_DIR: join(out, 'dist'),
      GUIDE_CACHE_DIR: join(out, 'cache'),
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).not.toBe(0);
    expect(output).toContain('src/content/docs/es/redirige.md:7: <meta> is not allowed in a page body');
  });
});

describe('a page whose one-sheet names a section it does not have', () => {
  it('fails the build, naming the file and the valid choices', { timeout: 180_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'guide-bad-sheet-'));
    const result = await runCommand('astro', ['build', '--root', 'tests/fixtures/bad-sheet'], {
      GUIDE_OUT_DIR: join(out, 'dist'),
      GUIDE_CACHE_DIR: join(out, 'cache'),
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).not.toBe(0);
    expect(output).toContain(
      'src/content/docs/index.md: `sheet` names "on-the-dya", which is not a section of this page. Valid choices (the ids of its headings): food-and-drink, on-the-day.',
    );
  });
});
