/**
 * Every file one step hands to the next is read through its contract's schema:
 * a wrong shape is an error naming the file, the field and how to make it again,
 * never a silent fallback.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFixtureSite } from '../../scripts/bench/fixture-site.ts';
import { readManifest } from '../../src/handouts/manifest.ts';
import { loadHandoutIndex, readHandoutIndex } from '../../src/handouts/pages.ts';
import { labelsFor } from '../../src/handouts/render.ts';
import { ContractError } from '../../src/contracts/friendly-parse.ts';
import { serializeManifest } from '../../src/contracts/handout-manifest.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guide-contracts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The index the bench fixture wrote before the contract existed: footer words without the table's. */
const OLD_FIXTURE_SHAPE = {
  site: 'https://guide.example.org',
  base: '/',
  pages: [
    {
      slug: 'a',
      lang: 'en',
      title: 'A',
      path: '/a/',
      review: { line: 'This page has not yet been checked by a clinician.', notice: true },
      order: 1,
    },
  ],
  labels: {
    en: {
      pageOf: 'Page {page} of {total}',
      bookletReviewedAll: 'Every handout was checked.',
      bookletNotReviewed: '{count} of {total} not checked.',
      bookletSubtitle: 'Handouts',
      bookletContents: 'Contents',
    },
  },
};

describe('handout-pages.json', () => {
  it('the bench fixture writes the real shape (it reads back through the schema)', async () => {
    await writeFixtureSite(dir, { pages: 2 });
    const index = await loadHandoutIndex(dir);
    expect(index.pages.map((page) => page.slug)).toEqual(['fixture-001', 'fixture-002']);
    // The words are the site's own dictionary, not a copy.
    expect(labelsFor(index, 'en').table.file).toBe('PDF');
  });

  it('a wrong shape names the file and the field and says to rebuild', async () => {
    await writeFile(join(dir, 'handout-pages.json'), JSON.stringify(OLD_FIXTURE_SHAPE));
    const error = await readHandoutIndex(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractError);
    const message = (error as Error).message;
    expect(message).toContain(join(dir, 'handout-pages.json'));
    expect(message).toMatch(/`labels\.en\.table`/);
    expect(message).toMatch(/npm run build/);
  });

  it('a page whose field has the wrong type is named by its index', async () => {
    const bad = { ...OLD_FIXTURE_SHAPE, pages: [{ ...OLD_FIXTURE_SHAPE.pages[0], title: 42 }] };
    await writeFile(join(dir, 'handout-pages.json'), JSON.stringify(bad));
    await expect(readHandoutIndex(dir)).rejects.toThrow(/`pages\[0\]\.title` .*expected string/);
  });

  it('a language without words is refused, not printed from a fallback copy of the dictionary', async () => {
    await writeFile(join(dir, 'handout-pages.json'), JSON.stringify({ ...OLD_FIXTURE_SHAPE, labels: {} }));
    await expect(readHandoutIndex(dir)).rejects.toThrow(/`pages\[0\]\.lang` is "en", but `labels` has no words for it/);
  });

  it('text that is not JSON says so and names the file', async () => {
    await writeFile(join(dir, 'handout-pages.json'), '{"site":');
    await expect(readHandoutIndex(dir)).rejects.toThrow(/handout-pages\.json" is not valid JSON.*npm run build/);
  });
});

describe('handouts/manifest.json', () => {
  it('no manifest yet is a first run, not an error', async () => {
    expect(await readManifest(join(dir, 'handouts'))).toEqual({ handouts: [] });
  });

  it('a wrong-shaped manifest names the field instead of being treated as empty', async () => {
    await mkdir(join(dir, 'handouts'));
    await writeFile(join(dir, 'handouts', 'manifest.json'), JSON.stringify({ handouts: [{ slug: 'a', pages: '2' }] }));
    const message = await readManifest(join(dir, 'handouts')).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toContain('manifest.json');
    expect(message).toMatch(/`handouts\[0\]\.pages`/);
    expect(message).toMatch(/npm run pdf/);
  });

  it('the writer refuses to write a wrong shape', () => {
    expect(() => serializeManifest({ handouts: [{ slug: 'a' } as never] })).toThrow();
  });
});
