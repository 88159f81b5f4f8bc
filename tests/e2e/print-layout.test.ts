/**
 * Pages that look made for paper: every page of every built PDF holds some of
 * the page's own text, no page in the middle of a handout is left mostly
 * blank, the sources list starts a new page only when the page before is full,
 * and the booklet's cover carries no running header, footer or page number.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import { isLargePrintKind } from '../../src/contracts/handout-manifest.ts';
import type { Manifest, ManifestEntry } from '../../src/handouts/manifest.ts';
import { readPageLayouts, type PageLayout } from '../support/pdf-layout.ts';

const run = promisify(execFile);
const siteDir = inject('siteDir');
const handoutsDir = join(siteDir, 'handouts');

/** "About a third of a page": the most a page may leave empty below its text before the next block. */
const MOST_EMPTY = 0.35;
/**
 * In large print (18 pt) one block kept whole, the "Get help now" box or a row of the treatment
 * table, can take half a page: a page before one may be up to about half empty.
 */
const MOST_EMPTY_LARGE = 0.55;
/** Fewer letters than this and a page is blank but for stray marks. */
const MIN_BODY_LETTERS = 20;

async function readManifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(handoutsDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** The strings the running header and footer print on this PDF (the review line and counter are recognised by shape). */
function runningStrings(entry: ManifestEntry): string[] {
  return [clinic.name, entry.title, entry.title.replace(/: all handouts$/, '')];
}

const layouts = new Map<string, Promise<PageLayout[]>>();
function layoutOf(entry: ManifestEntry): Promise<PageLayout[]> {
  let layout = layouts.get(entry.file);
  if (!layout) {
    layout = readPageLayouts(join(handoutsDir, entry.file), runningStrings(entry));
    layouts.set(entry.file, layout);
  }
  return layout;
}

/** A two-sided packet's filler page: only this line, so that the next handout starts on a right-hand page. */
const FILLER = /This page is intentionally left blank\.|Esta página se dejó en blanco a propósito\./;

/**
 * 0-based pages that end where the next page must start anew: the cover, contents and each
 * handout's last page of a booklet or packet, and a two-sided packet's filler pages and the page before each.
 */
function forcedBreaksAfter(entry: ManifestEntry, pages: PageLayout[]): Set<number> {
  if (entry.kind !== 'booklet' && entry.kind !== 'packet' && entry.kind !== 'large-print-packet') return new Set();
  const fillers = pages.filter((page) => FILLER.test(page.bodyText)).map((page) => page.number - 1);
  return new Set([
    0,
    1,
    ...Object.values(entry.starts ?? {}).map((start) => start - 2),
    ...fillers,
    ...fillers.map((filler) => filler - 1),
  ]);
}

describe('every page of every handout PDF', () => {
  it('holds some of the page’s own text, not only the running header and footer', async () => {
    const manifest = await readManifest();
    expect(manifest.handouts.length).toBeGreaterThan(100);
    const blank: string[] = [];
    for (const entry of manifest.handouts) {
      const pages = await layoutOf(entry);
      expect(pages.length, entry.file).toBe(entry.pages);
      for (const page of pages) {
        if (page.bodyText.replace(/[^\p{L}]/gu, '').length < MIN_BODY_LETTERS)
          blank.push(`${entry.file} page ${page.number} (only "${page.runningText}")`);
      }
    }
    expect(blank).toEqual([]);
  });

  it('finds the running header and footer on each page it reads (so the test above can fail)', async () => {
    const manifest = await readManifest();
    const entry = manifest.handouts.find((e) => e.file === 'large-print/letter/glossary.pdf')!;
    for (const page of await layoutOf(entry)) {
      expect(page.runningText, `page ${page.number}`).toContain(`Page ${page.number} of ${entry.pages}`);
      expect(page.runningText, `page ${page.number}`).toContain(clinic.name);
      expect(page.bodyText, `page ${page.number}`).not.toContain(`Page ${page.number} of`);
    }
  });

  it('is never left more than about a third empty in the middle of a handout', async () => {
    const manifest = await readManifest();
    const gaps: string[] = [];
    for (const entry of manifest.handouts) {
      const pages = await layoutOf(entry);
      const forced = forcedBreaksAfter(entry, pages);
      pages.slice(0, -1).forEach((page, index) => {
        const most = isLargePrintKind(entry.kind) ? MOST_EMPTY_LARGE : MOST_EMPTY;
        if (!forced.has(index) && page.emptyBelow > most)
          gaps.push(`${entry.file} page ${page.number}: ${Math.round(page.emptyBelow * 100)}% empty`);
      });
    }
    expect(gaps).toEqual([]);
  });

  it('starts the sources list on a new page only when the page before it is full', async () => {
    const manifest = await readManifest();
    let checked = 0;
    for (const entry of manifest.handouts.filter((e) => e.kind !== 'booklet')) {
      const pages = await layoutOf(entry);
      pages.forEach((page, index) => {
        if (index === 0 || !/^(Sources|Fuentes)\b/.test(page.bodyText)) return;
        checked++;
        const most = isLargePrintKind(entry.kind) ? MOST_EMPTY_LARGE : MOST_EMPTY;
        expect(
          pages[index - 1]?.emptyBelow ?? 1,
          `${entry.file}: page ${index} before the sources`,
        ).toBeLessThanOrEqual(most);
      });
    }
    // Some handout's sources do start a page, or this test would prove nothing.
    expect(checked).toBeGreaterThan(0);
  });
});

/** Share of dark pixels in the rows from `from` to `to` (fractions of the page height) of a rendered page. */
function darkShare(png: PNG, from: number, to: number): number {
  let dark = 0;
  let total = 0;
  for (let y = Math.floor(png.height * from); y < Math.ceil(png.height * to); y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      total++;
      if ((png.data[i] ?? 255) < 160) dark++;
    }
  }
  return dark / total;
}

describe('the booklet cover', () => {
  it('has no running header or footer and no page number; the pages after it do', async () => {
    const manifest = await readManifest();
    const booklets = manifest.handouts.filter((entry) => entry.kind === 'booklet');
    expect(booklets.length).toBeGreaterThanOrEqual(2);
    const dir = await mkdtemp(join(tmpdir(), 'booklet-cover-'));
    try {
      for (const booklet of booklets) {
        const [cover, contents] = await layoutOf(booklet);
        expect(cover?.runningText, booklet.file).not.toMatch(/Page|Página/);
        expect(contents?.runningText, booklet.file).toMatch(new RegExp(`(Page|Página) 2 (of|de) ${booklet.pages}`));
        const pngs = await Promise.all(
          [1, 2].map(async (number) => {
            const out = join(dir, `${booklet.file.replace(/\.pdf$/, '')}-${number}`);
            await run('pdftoppm', [
              '-png',
              '-r',
              '30',
              '-f',
              String(number),
              '-l',
              String(number),
              '-singlefile',
              join(handoutsDir, booklet.file),
              out,
            ]);
            return PNG.sync.read(await readFile(`${out}.png`));
          }),
        );
        for (const [png, blank] of [
          [pngs[0], true],
          [pngs[1], false],
        ] as const) {
          const marks = darkShare(png!, 0, 0.08) + darkShare(png!, 0.93, 1);
          if (blank) expect(marks, `${booklet.file} cover margins`).toBe(0);
          else expect(marks, `${booklet.file} contents page margins`).toBeGreaterThan(0);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('paper colour', () => {
  it("prints every handout on white: its margins hold only the running text, never the site's dark theme", async () => {
    const manifest = await readManifest();
    const handouts = manifest.handouts.filter((entry) => entry.kind !== 'booklet');
    expect(handouts.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'paper-colour-'));
    try {
      for (const handout of handouts) {
        const out = join(dir, handout.file.replaceAll('/', '-').replace(/\.pdf$/, ''));
        await run('pdftoppm', [
          '-png',
          '-r',
          '20',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          join(handoutsDir, handout.file),
          out,
        ]);
        const png = PNG.sync.read(await readFile(`${out}.png`));
        // Text covers a small share of a margin; a dark page background covers nearly all of it.
        expect(darkShare(png, 0, 0.08), `${handout.file} top margin`).toBeLessThan(0.25);
        expect(darkShare(png, 0.93, 1), `${handout.file} bottom margin`).toBeLessThan(0.25);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000); // one page of each of ~190 handouts (one-sheets included) through pdftoppm
});
