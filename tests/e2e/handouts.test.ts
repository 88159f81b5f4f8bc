import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Manifest } from '../../scripts/handouts/manifest.ts';
import { normalizeWords, readPdf } from '../support/pdf.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('siteDir');
const handoutsDir = join(siteDir, 'handouts');

async function readManifest(): Promise<Manifest> {
  return JSON.parse(await readFile(join(handoutsDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** The first real paragraph of a built page's content, as the PDF should show it. */
async function firstParagraph(path: string, base: string): Promise<string> {
  const html = await readFile(join(siteDir, path.slice(base.length), 'index.html'), 'utf8');
  const content = html.slice(html.indexOf('sl-markdown-content'));
  const paragraphs = [...content.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)]
    .map((match) => (match[1] ?? '').replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, ' '))
    .filter((text) => !text.includes('Last reviewed') && text.split(/\s+/).length >= 8);
  return paragraphs[0] ?? '';
}

describe('handout PDFs', () => {
  it('exist for every handout page, with a manifest that matches the files', async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    expect(manifest.handouts.map((entry) => entry.slug)).toEqual(index.pages.map((page) => page.slug));
    for (const entry of manifest.handouts) {
      const bytes = await readFile(join(handoutsDir, entry.file));
      expect(bytes.length, entry.file).toBe(entry.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), entry.file).toBe(entry.sha256);
      expect(bytes.subarray(0, 5).toString(), entry.file).toBe('%PDF-');
      expect(entry.url).toMatch(/^https?:\/\//);
    }
  });

  it("contain their page's title and body text", async () => {
    const index = await readHandoutIndex(siteDir);
    const manifest = await readManifest();
    for (const page of index.pages) {
      const entry = manifest.handouts.find((candidate) => candidate.slug === page.slug);
      expect(entry, page.slug).toBeDefined();
      const pdf = await readPdf(join(handoutsDir, entry!.file));
      expect(pdf.pages, page.slug).toBe(entry!.pages);
      const text = normalizeWords(pdf.text);
      expect(text, page.slug).toContain(normalizeWords(page.title));
      const paragraph = normalizeWords(await firstParagraph(page.path, index.base)).split(' ').slice(0, 8).join(' ');
      expect(paragraph.length, `${page.slug} has a paragraph to look for`).toBeGreaterThan(20);
      expect(text, page.slug).toContain(paragraph);
    }
  });

  it('leave no temporary or staging files behind', async () => {
    const names = await readdir(handoutsDir);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const siblings = await readdir(siteDir);
    expect(siblings.filter((name) => name.includes('.staging-') || name.includes('.old-'))).toEqual([]);
  });
});
