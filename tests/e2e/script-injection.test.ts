/**
 * Content cannot inject script. The fixture site tests/fixtures/script-injection/
 * (the guide's own schema, strings, components and title escaping, without any
 * Content-Security-Policy) has a page whose title, description, summary and
 * sources each carry a `<script>` and an `onerror=` handler. The tests prove
 * that they are shown as text in the HTML and in the PDF handout, and that none
 * of them ever runs, in the browser or in the renderer.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/handouts/browser.ts';
import { serveStatic, type StaticServer } from '../../src/handouts/server.ts';
import { readPdf } from '../support/pdf.ts';
import { runCommand } from '../support/run.ts';

const FIXTURE = 'tests/fixtures/script-injection';
/** The page's title exactly as written in its frontmatter. */
const TITLE = 'Title </title><script>window.__injected = "title"</script><!-- end';
/** Pieces of frontmatter each of which must reach the reader as these exact characters. */
const LITERAL_TEXT = [
  '<script>window.__injected = "summary"</script>',
  '<img src=x onerror="window.__injected = 2">',
  '[a trick link](javascript:window.__injected=3)',
  '<script>window.__injected = "source-title"</script>',
  'Publisher <script>window.__injected = "source-publisher"</script>',
];

let workDir: string;
let siteDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'guide-injection-'));
  siteDir = join(workDir, 'dist');
  const build = await runCommand('astro', ['build', '--root', FIXTURE], {
    GUIDE_OUT_DIR: siteDir,
    GUIDE_CACHE_DIR: join(workDir, 'cache'),
  });
  if (build.code !== 0) throw new Error(`fixture build failed:\n${build.stdout}\n${build.stderr}`);
  const pdf = await runCommand('node', ['scripts/pdf.ts', '--site', siteDir]);
  if (pdf.code !== 0) throw new Error(`npm run pdf on the fixture failed:\n${pdf.stdout}\n${pdf.stderr}`);
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('frontmatter with <script> in it', () => {
  it('is escaped in the HTML: no injected tag or handler outside attribute values', async () => {
    const html = await readFile(join(siteDir, 'injected/index.html'), 'utf8');
    // Attribute values (meta description, href) may hold "<script>" as inert text; remove them first.
    const outsideAttributes = html.replace(/"[^"]*"/g, '""');
    expect(outsideAttributes).not.toMatch(/<script>window\.__injected/);
    expect(outsideAttributes).not.toMatch(/<img src=x/);
    expect(html).toContain(
      '<title>Title &lt;/title&gt;&lt;script&gt;window.__injected = "title"&lt;/script&gt;&lt;!-- end',
    );
    expect(html).toContain('&lt;script&gt;window.__injected = &quot;summary&quot;&lt;/script&gt;');
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });

  describe('in headless Chromium', () => {
    let browser: Browser;
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic({ root: siteDir, base: '/' });
      browser = (await launchBrowser()).browser;
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('never runs, and the reader sees every tag as text', async () => {
      const tab = await browser.newPage();
      // Record any attempt, even one that a later script could hide by deleting the global.
      await tab.evaluateOnNewDocument(() => {
        const attempts: unknown[] = [];
        Object.defineProperty(window, '__attempts', { value: attempts });
        Object.defineProperty(window, '__injected', {
          set: (value: unknown) => attempts.push(value),
          get: () => undefined,
        });
      });
      await tab.goto(`${server.url}injected/`, { waitUntil: 'load' });
      // Inline scripts run while the page parses; an <img onerror> runs once its image fails. Both are over when every image is settled.
      await tab.waitForFunction(
        () => document.readyState === 'complete' && [...document.images].every((image) => image.complete),
      );
      const seen = await tab.evaluate(() => ({
        attempts: (window as unknown as { __attempts: unknown[] }).__attempts,
        title: document.title,
        heading: document.querySelector('h1')?.textContent ?? '',
        text: document.querySelector('main')?.textContent ?? '',
        scripts: [...document.scripts].filter((script) => script.text.includes('__injected')).length,
        handlers: [...document.querySelectorAll('*')].filter((element) =>
          [...element.attributes].some((attribute) => /^on/i.test(attribute.name)),
        ).length,
        scriptLinks: [...document.querySelectorAll('a[href]')].filter((link) =>
          /^javascript:/i.test(link.getAttribute('href') ?? ''),
        ).length,
      }));
      await tab.close();
      expect(seen.attempts).toEqual([]);
      expect(seen.scripts).toBe(0);
      expect(seen.handlers).toBe(0);
      expect(seen.scriptLinks).toBe(0);
      expect(seen.heading).toBe(TITLE);
      expect(seen.title.startsWith(TITLE)).toBe(true);
      const text = seen.text.replace(/\s+/g, ' ');
      for (const literal of LITERAL_TEXT) expect(text).toContain(literal);
    });
  });

  it('is printed as text in the PDF handout, header included', async () => {
    const manifest = JSON.parse(await readFile(join(siteDir, 'handouts/manifest.json'), 'utf8')) as {
      handouts: Array<{ slug: string; file: string; kind: string }>;
    };
    // The full handout: it prints every field, the sources list included (a one-sheet leaves that out).
    const handout = manifest.handouts.find((entry) => entry.slug === 'injected' && entry.kind === 'standard');
    expect(handout, JSON.stringify(manifest.handouts.map((entry) => entry.slug))).toBeDefined();
    const pdf = await readPdf(join(siteDir, 'handouts', handout!.file));
    // Line breaks in a PDF fall anywhere: compare without whitespace.
    const squeeze = (value: string): string => value.replace(/\s+/g, '');
    const text = squeeze(pdf.text);
    // Once as the heading and once in the running header of every page.
    expect(text.split(squeeze(TITLE)).length - 1).toBeGreaterThanOrEqual(2);
    for (const literal of LITERAL_TEXT) expect(text).toContain(squeeze(literal));
    expect(pdf.info.Title).toBe(TITLE);
  });
});
