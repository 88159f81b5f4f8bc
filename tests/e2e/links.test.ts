/**
 * Every link and file reference inside the built site resolves to a file: pages, scripts,
 * styles, images, the manifest and the handout PDFs, in both languages, for the root build
 * and the sub-path build. (The home page once linked "/handouts/letter/.pdf".)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { brokenLinks } from '../support/broken-links.ts';

describe('links inside the built site', () => {
  it.each([
    ['the root build', 'siteDir'],
    ['the sub-path build', 'subpathSiteDir'],
  ] as const)('all resolve to a file, PDFs included, in both languages: %s', async (_name, key) => {
    const siteDir = inject(key);
    const { checked, pdfs, broken } = await brokenLinks(siteDir);
    expect(broken).toEqual([]);
    expect(checked, 'links checked').toBeGreaterThan(500);
    expect(pdfs, 'links to handout PDFs checked').toBeGreaterThan(100);
  });

  it('reports a broken link (the check can fail)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guide-links-'));
    try {
      await writeFile(
        join(dir, 'handout-pages.json'),
        JSON.stringify({ site: 'https://guide.example.org', base: '/', pages: [], labels: {} }),
      );
      await writeFile(
        join(dir, 'index.html'),
        '<a href="/handouts/letter/.pdf">PDF</a> <a href="/">home</a> <a href="tel:988">988</a>',
      );
      expect((await brokenLinks(dir)).broken).toEqual(['/ → /handouts/letter/.pdf']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
