/**
 * The README walkthrough as a test: the Lakeside Mood Care clinic
 * (tests/fixtures/clinic/lakeside/clinic.config.ts: English only, A4, its own logo,
 * published under https://lakeside.example.org/guide/) builds a correct guide.
 *
 * Ready to enable, skipped for now: the build does not yet take its base path from
 * `siteUrl` (it needs GUIDE_BASE too) and still prints Letter PDFs for an A4 clinic.
 * Both are being fixed on other branches of issue 15; once merged, remove the `.skip`
 * (and the GUIDE_BASE below, which only stands in for the base-from-siteUrl work).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import lakeside from '../fixtures/clinic/lakeside/clinic.config.ts';
import { TEST_OUT } from '../support/paths.ts';
import { runCommand } from '../support/run.ts';

const CONFIG = 'tests/fixtures/clinic/lakeside/clinic.config.ts';
const siteDir = join(TEST_OUT, 'lakeside', 'site');
const base = new URL(lakeside.siteUrl).pathname;

describe.skip('the Lakeside walkthrough (enable once the base path comes from siteUrl and only the clinic’s paper is printed)', () => {
  let output = '';
  beforeAll(async () => {
    await rm(join(TEST_OUT, 'lakeside'), { recursive: true, force: true });
    const env = {
      GUIDE_CLINIC_CONFIG: CONFIG,
      GUIDE_OUT_DIR: siteDir,
      GUIDE_CACHE_DIR: join(TEST_OUT, 'lakeside', 'cache'),
      GUIDE_BASE: base,
    };
    const build = await runCommand('astro', ['build'], env);
    if (build.code !== 0) throw new Error(`astro build with ${CONFIG} failed:\n${build.stdout}\n${build.stderr}`);
    const pdf = await runCommand('node', ['scripts/pdf.ts', '--site', siteDir, '--only', 'glossary'], env);
    if (pdf.code !== 0) throw new Error(`npm run pdf failed:\n${pdf.stdout}\n${pdf.stderr}`);
    output = build.stdout + build.stderr;
  }, 600_000);

  it('builds the English edition only', async () => {
    expect((await readdir(siteDir)).includes('es')).toBe(false);
    expect(await readFile(join(siteDir, 'index.html'), 'utf8')).not.toContain('<starlight-lang-select>');
  });

  it('points canonical links and the sitemap under the sub-path', async () => {
    const html = await readFile(join(siteDir, 'glossary', 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="https://lakeside.example.org${base}glossary/"`);
  });

  it('prints A4 handouts only', async () => {
    const handouts = await readdir(join(siteDir, 'handouts'));
    expect(handouts).toContain('a4');
    expect(handouts).not.toContain('letter');
  });

  it('warns about the made-up phone number without failing', () => {
    expect(output).toMatch(/`phone` "\+1 312 555 0147" is a made-up number/);
  });
});
