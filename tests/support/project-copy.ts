import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

/** What a clinic's copy of the project holds besides node_modules: its sources, config and content. */
const COPIED = ['astro.config.mjs', 'clinic.config.ts', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts'];

/**
 * A copy of the project in `dir`, as a clinic's own clone would be, sharing this
 * project's node_modules through a link (installing again would take minutes). A
 * test then changes the copy the way the README tells a clinic to (a page added under
 * src/content/docs/), without touching this project's pages.
 */
export async function copyProject(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const entry of COPIED) await cp(join(PROJECT_ROOT, entry), join(dir, basename(entry)), { recursive: true });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
