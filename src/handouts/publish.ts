/**
 * All-or-nothing publishing: a run writes into a staging folder and swaps it in
 * for the output folder only when every requested file succeeded, so a failed or
 * interrupted run leaves the last good handouts untouched.
 *
 * The staging folder sits beside the served site folder (`.dist.handouts.staging-…`
 * next to `dist/`), not inside it: a run killed outright (SIGKILL, power loss)
 * leaves nothing half-written that the site, its search index or the service
 * worker could pick up, and the next run removes it (src/lib/side-folders.ts).
 */
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { clearStaleSideFolders, sideFolder, sidePlace, swapInSync } from '../lib/side-folders.ts';

export interface Staging {
  dir: string;
  /** Swaps the staging folder in for `target`. */
  publish: () => Promise<void>;
  /** Removes the staging folder (safe to call more than once). */
  discard: () => Promise<void>;
}

export async function createStaging(target: string, site: string): Promise<Staging> {
  const { parent, name } = sidePlace(target, site);
  await mkdir(dirname(resolve(target)), { recursive: true });
  clearStaleSideFolders(parent, name, resolve(target));
  // Leftovers of older versions, which staged inside the output's parent folder.
  clearStaleSideFolders(dirname(resolve(target)), basename(target));
  const dir = sideFolder(target, 'staging', name, parent);
  await mkdir(dir, { recursive: true });
  return {
    dir,
    publish: async () => swapInSync(dir, resolve(target), sideFolder(target, 'old', name, parent)),
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}
