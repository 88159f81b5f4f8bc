/**
 * Reading the last run's handout manifest (`handouts/manifest.json`). Its shape
 * is the contract in src/contracts/handout-manifest.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, manifestSchema, type Manifest } from '../contracts/handout-manifest.ts';
import { parseContract } from '../contracts/friendly-parse.ts';

export { MANIFEST_FILE, serializeManifest, type Manifest, type ManifestEntry } from '../contracts/handout-manifest.ts';

/**
 * The manifest of a previous run, or an empty one when there is none yet (a first run).
 * A manifest of the wrong shape is an error naming the field: it is how the run knows
 * which PDFs it may keep, so guessing could keep stale ones.
 */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = join(dir, MANIFEST_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return { handouts: [] };
  return parseContract(manifestSchema, text, { file, rebuild: `delete the folder "${dir}" and run npm run pdf` });
}
