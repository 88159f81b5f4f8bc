/**
 * The build is one ordered pipeline (src/plugin/pipeline.ts): pages -> handouts ->
 * Handouts page tables -> search index -> service worker. These tests hold its
 * promises on a copy of the finished build:
 * - `npm run pdf` right after `npm run build` rewrites no file (nothing changed);
 * - after a handout changes, the Handouts tables, the Pagefind index and sw.js all
 *   describe exactly the PDFs on disk.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readManifest } from '../../src/handouts/manifest.ts';
import { TEST_OUT } from '../support/paths.ts';
import { runCommand } from '../support/run.ts';

const builtSite = inject('siteDir');
let work: string;
let site: string;

/** Path → SHA-256 and modification time of every file under `folder`. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(path);
    files[relative(folder, path)] = `${createHash('sha256')
      .update(await readFile(path))
      .digest('hex')} ${mtimeMs}`;
  }
  return files;
}

/** Every page Pagefind indexed, decoded from its fragment files: url → text content. */
async function indexedPages(siteDir: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const folder = join(siteDir, 'pagefind', 'fragment');
  for (const name of await readdir(folder)) {
    // Pagefind writes each fragment gzipped, behind a "pagefind_dcd" signature.
    const text = gunzipSync(await readFile(join(folder, name)))
      .toString('utf8')
      .replace(/^pagefind_dcd/, '');
    const fragment = JSON.parse(text) as { url: string; content: string };
    pages.set(fragment.url, fragment.content);
  }
  return pages;
}

/** The size label the Handouts table shows for a file (src/handouts/listing.ts). */
const sizeLabel = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

beforeAll(async () => {
  work = await mkdtemp(join(TEST_OUT, 'pipeline-'));
  site = join(work, 'site');
  await cp(builtSite, site, { recursive: true });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run pdf after npm run build', () => {
  it('rewrites no file in the built site when nothing changed', { timeout: 300_000 }, async () => {
    const before = await snapshot(site);
    const result = await runCommand('node', ['scripts/pdf.ts', '--site', site]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/rendered 0 PDFs/);
    expect(await snapshot(site)).toEqual(before);
  });

  it('after a handout changes, the tables, the search index and the service worker describe the PDFs on disk', {
    timeout: 600_000,
  }, async () => {
    const glossaryHtml = join(site, 'glossary', 'index.html');
    const previous = (await readManifest(join(site, 'handouts'))).handouts.find(
      (entry) => entry.file === 'letter/glossary.pdf',
    );
    // A longer page: more pages and bytes in its handout, so its row in the tables must change.
    const extra = Array.from(
      { length: 40 },
      (_, i) => `<p>Added paragraph ${i + 1} of a longer glossary, so its handout grows by a page or more.</p>`,
    ).join('');
    const html = await readFile(glossaryHtml, 'utf8');
    await writeFile(
      glossaryHtml,
      html.replace('<div class="sl-markdown-content">', `<div class="sl-markdown-content">${extra}`),
    );

    const result = await runCommand(
      'node',
      ['scripts/pdf.ts', '--site', site, '--only', 'glossary', '--lang', 'en'],
      {},
      600_000,
    );
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);

    const manifest = await readManifest(join(site, 'handouts'));
    // The manifest is what is on disk.
    for (const entry of manifest.handouts) {
      const bytes = await readFile(join(site, 'handouts', entry.file));
      expect(createHash('sha256').update(bytes).digest('hex'), entry.file).toBe(entry.sha256);
    }
    const glossary = manifest.handouts.find((entry) => entry.file === 'letter/glossary.pdf');
    expect(glossary?.pages).toBeGreaterThan(previous?.pages ?? 0);

    // The Handouts table lists every English PDF with its current pages and size.
    const listing = await readFile(join(site, 'printable-handouts', 'index.html'), 'utf8');
    const english = manifest.handouts.filter((entry) => !/^es-/.test(entry.slug));
    for (const entry of english) {
      // Opened in the browser's viewer (no `download`), so a saved copy also opens offline.
      expect(listing, entry.file).toContain(`handouts/${entry.file}" aria-label=`);
    }
    const row = `${glossary?.pages} pages, ${sizeLabel(glossary?.bytes ?? 0)}`;
    expect(listing).toContain(row);

    // The search index was made from the table as it is now.
    const indexed = [...(await indexedPages(site)).entries()].find(([url]) => url.endsWith('/printable-handouts/'));
    expect(indexed?.[1]).toContain(row);

    // The service worker's revision of each Handouts page is the page as it is now (Workbox: MD5).
    const worker = await readFile(join(site, 'sw.js'), 'utf8');
    for (const page of ['printable-handouts/index.html', 'glossary/index.html']) {
      const listed = new RegExp(
        `url:"${page.replaceAll('/', '\\/').replaceAll('.', '\\.')}",revision:"([0-9a-f]+)"`,
      ).exec(worker)?.[1];
      expect(listed, page).toBe(
        createHash('md5')
          .update(await readFile(join(site, page)))
          .digest('hex'),
      );
    }
    // And no leftover of the previous index is there to be precached.
    expect((await readdir(site)).filter((name) => /staging|\.old-/.test(name))).toEqual([]);
  });
});
