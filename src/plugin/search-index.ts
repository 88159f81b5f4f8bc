/**
 * The pipeline's fourth step when it runs outside the Astro build (`npm run pdf`):
 * index the built pages with Pagefind's Node API, exactly as Starlight's own
 * build hook does (one index of the whole site, no options: Starlight passes its
 * ranking to the search UI, not to the indexer). The new index is written beside
 * the site folder (not inside it, see src/lib/side-folders.ts) and swapped in
 * whole, so no stale chunk of the last index remains for the service worker to precache.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { clearStaleSideFolders, sideFolder, sidePlace, swapInSync } from '../lib/side-folders.ts';

/** Pagefind's folder in the built site (Starlight's search UI loads it from `<base>pagefind/`). */
export const SEARCH_INDEX_DIR = 'pagefind';

function check<T extends { errors: string[] }>(response: T, what: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind could not ${what}:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/** Indexes every page of the site built in `siteDir` again; returns how many pages it indexed. */
export async function writeSearchIndex(siteDir: string): Promise<number> {
  const target = join(siteDir, SEARCH_INDEX_DIR);
  const { parent, name } = sidePlace(target, siteDir);
  clearStaleSideFolders(parent, name, target);
  // Leftovers of older versions, which staged inside the site folder.
  clearStaleSideFolders(siteDir, SEARCH_INDEX_DIR);
  const staging = sideFolder(target, 'staging', name, parent);
  try {
    const { index } = check(await pagefind.createIndex(), 'start');
    if (!index) throw new Error('Pagefind could not start an index');
    const { page_count: pages } = check(await index.addDirectory({ path: siteDir }), `read the pages in ${siteDir}`);
    check(await index.writeFiles({ outputPath: staging }), `write the index into ${staging}`);
    swapInSync(staging, target, sideFolder(target, 'old', name, parent));
    return pages;
  } finally {
    await pagefind.close();
    await rm(staging, { recursive: true, force: true });
  }
}
