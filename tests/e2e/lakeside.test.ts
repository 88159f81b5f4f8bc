/**
 * The README walkthrough as a test: the Lakeside Mood Care clinic
 * (tests/fixtures/clinic/lakeside/clinic.config.ts: English only, A4, its own logo and
 * short title, published under https://lakeside.example.org/guide/) builds a correct
 * guide with nothing but its config, and a second build with nothing changed prints no PDF.
 *
 * Built twice here, in beforeAll, into .test-out/lakeside (not in the global setup: only
 * this file needs it). The browser is a wrapper around the real one that writes a line to
 * a log each time it is started, so "printed nothing" is what the browser saw, not a log line.
 */
import { chmod, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import lakeside from '../fixtures/clinic/lakeside/clinic.config.ts';
import { brokenLinks } from '../support/broken-links.ts';
import { TEST_OUT } from '../support/paths.ts';
import { decodeQrCodes } from '../support/pdf-checks.ts';
import { runCommand } from '../support/run.ts';
import { readHandoutIndex } from '../support/site.ts';

const CONFIG = 'tests/fixtures/clinic/lakeside/clinic.config.ts';
const work = join(TEST_OUT, 'lakeside');
const siteDir = join(work, 'site');
const launches = join(work, 'browser-launches.log');
const address = lakeside.siteUrl;
const REAL_BROWSER = process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';

/** Lines in the launch log: one per browser start (asking its version does not count). */
async function launchCount(): Promise<number> {
  const log = await readFile(launches, 'utf8').catch(() => '');
  return log.split('\n').filter(Boolean).length;
}

describe('the Lakeside walkthrough: a sub-path, one language, A4, its own logo and title', () => {
  let output = '';
  let firstLaunches = 0;
  let secondLaunches = 0;
  let firstManifest = '';
  let secondManifest = '';
  beforeAll(async () => {
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const browser = join(work, 'chromium');
    await writeFile(
      browser,
      `#!/bin/sh\ncase "$*" in *--version*) ;; *) echo started >> '${launches}' ;; esac\nexec '${REAL_BROWSER}' "$@"\n`,
    );
    await chmod(browser, 0o755);
    const env = {
      GUIDE_CLINIC_CONFIG: CONFIG,
      GUIDE_OUT_DIR: siteDir,
      GUIDE_CACHE_DIR: join(work, 'cache'),
      PUPPETEER_EXECUTABLE_PATH: browser,
    };
    const build = async (): Promise<string> => {
      const run = await runCommand('astro', ['build'], env, 900_000);
      if (run.code !== 0) throw new Error(`astro build with ${CONFIG} failed:\n${run.stdout}\n${run.stderr}`);
      return run.stdout + run.stderr;
    };
    output = await build();
    firstLaunches = await launchCount();
    firstManifest = await readFile(join(siteDir, 'handouts', 'manifest.json'), 'utf8');
    await build();
    secondLaunches = await launchCount();
    secondManifest = await readFile(join(siteDir, 'handouts', 'manifest.json'), 'utf8');
  }, 1_800_000);

  it('takes its base path from siteUrl', async () => {
    expect((await readHandoutIndex(siteDir)).base).toBe('/guide/');
  });

  it('builds the English edition only', async () => {
    expect((await readdir(siteDir)).includes('es')).toBe(false);
    expect(await readFile(join(siteDir, 'index.html'), 'utf8')).not.toContain('<starlight-lang-select>');
  });

  it('resolves every link and file reference inside the site, PDFs included', async () => {
    const { checked, pdfs, broken } = await brokenLinks(siteDir);
    expect(broken).toEqual([]);
    expect(checked, 'links checked').toBeGreaterThan(200);
    expect(pdfs, 'links to handout PDFs checked').toBeGreaterThan(20);
  });

  it('points canonical links and the sitemap under the sub-path', async () => {
    const html = await readFile(join(siteDir, 'glossary', 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="canonical" href="${address}glossary/"`);
    const sitemap = await readFile(join(siteDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${address}glossary/</loc>`);
    expect(sitemap).not.toMatch(/<loc>https:\/\/lakeside\.example\.org\/(?!guide\/)/);
  });

  it('prints QR codes and addresses that open the page on the sub-path', async () => {
    const html = await readFile(join(siteDir, 'glossary', 'index.html'), 'utf8');
    // Astro adds its scoped class beside ours: class="print-online-url astro-…".
    const printed = /class="print-online-url[^"]*">([^<]*)</.exec(html)?.[1];
    expect(printed).toBe(`${address}glossary/`);
    expect(await decodeQrCodes(join(siteDir, 'handouts', 'a4', 'glossary.pdf'))).toContain(`${address}glossary/`);
  });

  it('prints, links and lists A4 handouts only', async () => {
    const handouts = await readdir(join(siteDir, 'handouts'));
    expect(handouts).toContain('a4');
    expect(handouts.filter((name) => /letter/.test(name))).toEqual([]);
    expect(await readdir(join(siteDir, 'handouts', 'large-print'))).toEqual(['a4']);
    const papers = (JSON.parse(firstManifest) as { handouts: { paper: string }[] }).handouts.map((e) => e.paper);
    expect(papers.length).toBeGreaterThan(0);
    expect(new Set(papers)).toEqual(new Set(['a4']));
    const glossary = await readFile(join(siteDir, 'glossary', 'index.html'), 'utf8');
    expect(glossary).toContain('/guide/handouts/a4/glossary.pdf');
    expect(glossary).not.toContain('handouts/letter/');
    const list = await readFile(join(siteDir, 'printable-handouts', 'index.html'), 'utf8');
    expect(list).toContain('/guide/handouts/a4/');
    expect(list).not.toContain('handouts/letter/');
  });

  it('shows the clinic’s own short title in the header', async () => {
    const html = await readFile(join(siteDir, 'index.html'), 'utf8');
    expect(html).toMatch(/class="guide-site-title__short[^"]*"[^>]*>Lakeside guide</);
  });

  it('prints the handouts in the first build and starts no browser in a second one with nothing changed', () => {
    expect(firstLaunches, 'browser starts in the first build').toBeGreaterThan(0);
    expect(secondLaunches, 'browser starts in the second build').toBe(firstLaunches);
    expect(secondManifest).toBe(firstManifest);
  });

  it('warns about the made-up phone number without failing', () => {
    expect(output).toMatch(/`phone` "\+1 312 555 0147" is a made-up number/);
  });
});
