/**
 * Decides which PDFs must be rendered again. Each PDF's key hashes everything
 * it is made from: the built HTML of its page(s) (which names the hashed CSS
 * and script files, so a style change shows up too), the print options, the
 * clinic details and logo, and the renderer's own source. An equal key means
 * the last run's file can be kept as it is.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from './files.ts';
import type { ManifestEntry } from './manifest.ts';
import type { Job } from './plan.ts';

/** The modules whose code changes what a PDF looks like. */
const RENDERER_SOURCES = ['render.ts', 'booklet.ts', 'templates.ts', 'metadata.ts', 'links.ts', 'outline.ts', 'structure-ids.ts', 'pdfua.ts', 'content-stream.ts', 'html.ts'];

/** A hash of the renderer, the clinic details and the logo: anything that changes every PDF at once. */
export async function rendererFingerprint(clinic: object, logo: string): Promise<string> {
  const sources = await Promise.all(RENDERER_SOURCES.map((file) => readFile(new URL(file, import.meta.url))));
  return sha256([...sources.map((source) => sha256(source)), JSON.stringify(clinic), logo].join('\n'));
}

/** Hashes of each page's built HTML, by site path. */
export async function pageHashes(siteDir: string, base: string, paths: string[]): Promise<Map<string, string>> {
  const entries = await Promise.all(
    paths.map(async (path) => [path, sha256(await readFile(join(siteDir, path.slice(base.length), 'index.html')))] as const),
  );
  return new Map(entries);
}

/** The key of one job: its inputs and options, nothing about when or where it runs. */
export function jobKey(job: Job, fingerprint: string, htmlHashes: Map<string, string>): string {
  const pages = job.type === 'booklet' ? job.pages : [job.page];
  const inputs = pages.map((page) => [page.slug, page.title, page.reviewed, page.description ?? '', htmlHashes.get(page.path) ?? '']);
  return sha256(JSON.stringify({ fingerprint, type: job.type, paper: job.paper, kind: job.type === 'handout' ? job.kind : 'booklet', inputs }));
}

/** The last run's entry for this file, if it was made from the same inputs and the file is still intact. */
export async function reusableEntry(previous: ManifestEntry[], outDir: string, file: string, key: string): Promise<ManifestEntry | undefined> {
  const entry = previous.find((candidate) => candidate.file === file && candidate.key === key);
  if (!entry) return undefined;
  const bytes = await readFile(join(outDir, file)).catch(() => undefined);
  return bytes && sha256(bytes) === entry.sha256 ? entry : undefined;
}
