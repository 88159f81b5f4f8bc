/** The handout manifest (`handouts/manifest.json`): what was printed, and how to check it. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ManifestEntry {
  slug: string;
  title: string;
  /** Public URL of the page the handout was printed from. */
  url: string;
  /** Path of the PDF relative to the manifest. */
  file: string;
  paper: string;
  pages: number;
  bytes: number;
  sha256: string;
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
