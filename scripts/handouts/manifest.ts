/** The handout manifest (`handouts/manifest.json`): what was printed, and how to check it. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandoutKind, PaperSize } from '../../src/lib/handout-files.ts';

export interface ManifestEntry {
  /** The page's slug, or "booklet". */
  slug: string;
  title: string;
  /** Public URL of the page the handout was printed from (the site's home for the booklet). */
  url: string;
  /** Path of the PDF relative to the manifest, e.g. "letter/risks.pdf". */
  file: string;
  kind: HandoutKind | 'booklet';
  paper: PaperSize;
  pages: number;
  bytes: number;
  sha256: string;
  /** Hash of what the PDF was made from (built HTML, options, renderer); equal key, same PDF. */
  key: string;
  /** Booklet only: the page where each handout starts, by slug. */
  starts?: Record<string, number>;
}

export interface Manifest {
  handouts: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

/** The manifest of a previous run, or an empty one when there is none or it is unreadable. */
export async function readManifest(dir: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
    return Array.isArray(manifest.handouts) ? manifest : { handouts: [] };
  } catch {
    return { handouts: [] };
  }
}

/** Stable JSON: entries in the given (reading) order, two-space indent, final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
