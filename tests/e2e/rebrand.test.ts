/**
 * A clinic rebrands by editing clinic.config.ts alone. This builds the guide
 * once with a different clinic (tests/fixtures/clinic/clinic.fixture.ts, chosen
 * with GUIDE_CLINIC_CONFIG, so no file is swapped) and checks that the new
 * clinic's name and phone are everywhere and the default clinic's are nowhere.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clinic as defaultClinic } from '../../clinic.config.ts';
import type { Manifest } from '../../src/handouts/manifest.ts';
import fixture from '../fixtures/clinic/clinic.fixture.ts';
import { readPdf } from '../support/pdf.ts';
import { TEST_OUT } from '../support/paths.ts';
import { runCommand } from '../support/run.ts';

const FIXTURE_CONFIG = 'tests/fixtures/clinic/clinic.fixture.ts';
const siteDir = join(TEST_OUT, 'rebrand', 'site');
/**
 * Two pages are enough to prove the point and keep the test fast: one per language. The fixture builds
 * the site without handouts and this prints them: their sheets, handouts, booklets and the fixture's packet.
 */
const HANDOUTS = ['start-here', 'es-start-here'];
const TEXT_FILES = new Set(['.html', '.json', '.webmanifest', '.xml', '.txt', '.js', '.css', '.svg']);

async function textFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && TEXT_FILES.has(extname(entry.name)) && !entry.parentPath.includes('pagefind'))
      files.push(join(entry.parentPath, entry.name));
  }
  return files;
}

/** Digits only, so "(555) 010-0142" and "555 010 0142" compare equal in extracted PDF text. */
const digits = (text: string): string => text.replace(/\D/g, '');

describe('rebranding with a fixture clinic config', () => {
  let pdfTexts: Array<{ file: string; text: string; author: unknown }> = [];

  beforeAll(async () => {
    await rm(join(TEST_OUT, 'rebrand'), { recursive: true, force: true });
    const env = {
      GUIDE_CLINIC_CONFIG: FIXTURE_CONFIG,
      GUIDE_OUT_DIR: siteDir,
      GUIDE_CACHE_DIR: join(TEST_OUT, 'rebrand', 'cache'),
    };
    const build = await runCommand('astro', ['build'], env);
    if (build.code !== 0)
      throw new Error(`astro build with ${FIXTURE_CONFIG} failed:\n${build.stdout}\n${build.stderr}`);
    const index = JSON.parse(await readFile(join(siteDir, 'handout-pages.json'), 'utf8')) as {
      pages: Array<{ slug: string }>;
    };
    const only = HANDOUTS.filter((slug) => index.pages.some((page) => page.slug === slug)).flatMap((slug) => [
      '--only',
      slug,
    ]);
    const pdf = await runCommand(
      'node',
      ['scripts/pdf.ts', '--site', siteDir, '--paper', fixture.paperSize ?? 'letter', ...only],
      env,
    );
    if (pdf.code !== 0) throw new Error(`npm run pdf failed:\n${pdf.stdout}\n${pdf.stderr}`);
    const manifest = JSON.parse(await readFile(join(siteDir, 'handouts', 'manifest.json'), 'utf8')) as Manifest;
    pdfTexts = await Promise.all(
      manifest.handouts.map(async (entry) => {
        const read = await readPdf(join(siteDir, 'handouts', entry.file));
        return { file: entry.file, text: read.text, author: read.info.Author };
      }),
    );
  }, 600_000);

  it('shows the fixture clinic’s name and phone on the English and Spanish pages', async () => {
    for (const page of ['index.html', 'es/index.html', 'glossary/index.html', 'es/glossary/index.html']) {
      const html = await readFile(join(siteDir, page), 'utf8');
      expect(html, page).toContain(fixture.name);
      expect(html, page).toContain(fixture.phone);
      expect(html, page).toContain(fixture.address[0]);
    }
  });

  it('leaves no trace of the default clinic in any built file', async () => {
    expect(fixture.name).not.toBe(defaultClinic.name);
    const offenders: string[] = [];
    for (const file of await textFiles(siteDir)) {
      const text = await readFile(file, 'utf8');
      if (
        text.includes(defaultClinic.name) ||
        text.includes(defaultClinic.phone) ||
        text.includes(defaultClinic.siteUrl)
      )
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('uses the fixture clinic in the web app manifest', async () => {
    const manifest = JSON.parse(await readFile(join(siteDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      theme_color: string;
    };
    expect(manifest.name).toContain(fixture.name);
    expect(manifest.theme_color).toBe(fixture.brandColor);
  });

  it('prints the fixture clinic’s name and phone in the handouts, and makes it the PDF author', () => {
    expect(pdfTexts.length).toBeGreaterThan(0);
    for (const { file, text, author } of pdfTexts) {
      expect(author, file).toBe(fixture.name);
      expect(text.replace(/\s+/g, ' '), file).toContain(fixture.name);
      expect(digits(text), file).toContain(digits(fixture.phone));
      expect(text, file).not.toContain(defaultClinic.name);
      expect(digits(text), file).not.toContain(digits(defaultClinic.phone));
    }
  });
});

describe('a bad clinic config', () => {
  it('stops the build with a message naming each bad field and what it expects', async () => {
    const out = await mkdtemp(join(tmpdir(), 'guide-bad-config-'));
    const result = await runCommand('astro', ['build'], {
      GUIDE_CLINIC_CONFIG: 'tests/fixtures/clinic/clinic.bad.ts',
      GUIDE_OUT_DIR: join(out, 'dist'),
      GUIDE_CACHE_DIR: join(out, 'cache'),
    });
    await rm(out, { recursive: true, force: true });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).not.toBe(0);
    expect(output).toContain('clinic.bad.ts is not valid');
    expect(output).toMatch(/`phone` must be a phone number/);
    expect(output).toMatch(/`siteUrl` must be a full web address starting with https:\/\//);
    expect(output).toMatch(/`logo` names a file that does not exist/);
    expect(output).toMatch(/`paperSize` must be "letter" \(US\), "a4" or "both"/);
  });
});
