/**
 * The README walkthrough as a test: the Lakeside Mood Care clinic
 * (tests/fixtures/clinic/lakeside/clinic.config.ts: English only, A4, its own logo,
 * title and short title, published under https://lakeside.example.org/guide/) adds a
 * page of its own under src/content/docs/ and builds a correct guide with nothing but
 * its config and that page; a second build with nothing changed prints no PDF.
 *
 * Built twice here, in beforeAll, into .test-out/lakeside (not in the global setup: only
 * this file needs it), from a copy of the project (tests/support/project-copy.ts), so the
 * clinic's page is added the way the README says without adding it to the sample site.
 * The browser is a wrapper around the real one that writes a line to a log each time it
 * is started, so "printed nothing" is what the browser saw, not a log line.
 */
import { chmod, copyFile, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import lakeside from '../fixtures/clinic/lakeside/clinic.config.ts';
import { brokenLinks } from '../support/broken-links.ts';
import { PROJECT_ROOT, TEST_OUT } from '../support/paths.ts';
import { decodeQrCodes, pdfInfo } from '../support/pdf-checks.ts';
import { copyProject } from '../support/project-copy.ts';
import { runCommand } from '../support/run.ts';
import { readHandoutIndex } from '../support/site.ts';

const CONFIG = join(PROJECT_ROOT, 'tests/fixtures/clinic/lakeside/clinic.config.ts');
const NEW_PAGE = join(PROJECT_ROOT, 'tests/fixtures/clinic/lakeside/pages/getting-here.md');
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
    const project = await copyProject(join(work, 'project'));
    await copyFile(NEW_PAGE, join(project, 'src', 'content', 'docs', 'getting-here.md'));
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
      const run = await runCommand('astro', ['build'], env, 900_000, project);
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

  it('shows the clinic’s own title in the header, the <title> and og:site_name, and nowhere the default', async () => {
    const html = await readFile(join(siteDir, 'glossary', 'index.html'), 'utf8');
    const title = lakeside.title.en;
    expect(html).toMatch(new RegExp(`class="guide-site-title__full[^"]*"[^>]*>${title}<`));
    expect(html).toContain(`<title>Glossary | ${title}</title>`);
    expect(html).toContain(`<meta property="og:site_name" content="${title}"`);
    expect(html).not.toContain('Ketamine Therapy: A Patient Guide');
  });

  it('names the installed app and describes it with the clinic’s words', async () => {
    const manifest = JSON.parse(await readFile(join(siteDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      short_name: string;
      description: string;
      icons: { src: string }[];
    };
    expect(manifest.short_name).toBe('Lakeside guide');
    expect(manifest.name).toBe('Lakeside guide: Lakeside Mood Care');
    expect(manifest.description).toMatch(/^Clear answers about your treatment at Lakeside Mood Care, written for/);
    expect(manifest.icons.map((icon) => icon.src)).toContain('/guide/icons/icon-maskable-512.png');
  });

  it('stores the clinic’s title and topic words in the PDFs', async () => {
    const booklet = await pdfInfo(join(siteDir, 'handouts', 'booklet-a4.pdf'));
    expect(booklet.Title).toBe(`${lakeside.title.en}: all handouts`);
    const page = await pdfInfo(join(siteDir, 'handouts', 'a4', 'glossary.pdf'));
    expect(page.Keywords).toContain('Lakeside Mood Care');
    expect(page.Keywords).not.toMatch(/ketamine therapy/i);
  });

  it('adds the clinic’s own page to the sidebar, Previous/Next and the handouts, by its frontmatter', async () => {
    const home = await readFile(join(siteDir, 'index.html'), 'utf8');
    const sidebar = [...home.matchAll(/<a href="\/guide\/([^"]*)\/"[^>]*>\s*<span[^>]*>([^<]*)</g)].map((m) => m[1]);
    const at = sidebar.indexOf('getting-here');
    expect(at, 'the new page in the sidebar').toBeGreaterThan(0);
    expect(sidebar.slice(at - 1, at + 2)).toEqual([
      'preparing-for-your-session',
      'getting-here',
      'what-a-session-is-like',
    ]);
    const page = await readFile(join(siteDir, 'getting-here', 'index.html'), 'utf8');
    expect(page).toMatch(/<a href="\/guide\/preparing-for-your-session\/" rel="prev"[\s>]/);
    expect(page).toMatch(/<a href="\/guide\/what-a-session-is-like\/" rel="next"[\s>]/);
    expect(await readdir(join(siteDir, 'handouts', 'a4'))).toContain('getting-here.pdf');
  });

  it('draws the favicon and app icons from the clinic’s logo, not the sample’s', async () => {
    const logo = await readFile(join(PROJECT_ROOT, lakeside.logo));
    expect(await readFile(join(siteDir, 'icons', 'favicon.svg'))).toEqual(logo);
    const home = await readFile(join(siteDir, 'index.html'), 'utf8');
    expect(home).toContain('<link rel="shortcut icon" href="/guide/icons/favicon.svg" type="image/svg+xml"/>');
    expect(home).toContain('<link rel="apple-touch-icon" href="/guide/icons/apple-touch-icon.png"/>');
    const colours = async (file: string) => {
      const png = PNG.sync.read(await readFile(join(siteDir, 'icons', file)));
      const seen = new Map<string, number>();
      for (let i = 0; i < png.data.length; i += 4) {
        if ((png.data[i + 3] ?? 0) < 255) continue;
        const hex = `#${[0, 1, 2].map((c) => (png.data[i + c] ?? 0).toString(16).padStart(2, '0')).join('')}`;
        seen.set(hex, (seen.get(hex) ?? 0) + 1);
      }
      return { png, seen };
    };
    for (const file of ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'apple-touch-icon.png']) {
      const { png, seen } = await colours(file);
      // The Lakeside logo's blue, light blue and sun yellow, and none of the sample logo's green.
      for (const colour of ['#1d4f91', '#9cc3ee', '#ffd166'])
        expect(seen.get(colour) ?? 0, `${colour} in ${file}`).toBeGreaterThan(20);
      expect(seen.get('#0b6e69') ?? 0, `sample green in ${file}`).toBe(0);
      expect(png.width).toBe(Number(/\d+/.exec(file)?.[0] ?? 180));
    }
    // Saved for offline use with the rest of the site.
    const worker = await readFile(join(siteDir, 'sw.js'), 'utf8');
    for (const file of ['favicon.svg', 'icon-192.png', 'icon-maskable-512.png', 'apple-touch-icon.png'])
      expect(worker).toContain(`icons/${file}`);
    const touch = await colours('apple-touch-icon.png');
    expect(
      touch.png.data.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255),
      'no transparency on iOS',
    ).toBe(true);
  });
});
