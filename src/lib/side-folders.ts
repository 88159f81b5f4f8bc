/**
 * Folders written beside a published folder and swapped in only when complete:
 * the build's fresh output (scripts/build.ts) and the handouts' staging folder
 * (src/handouts/publish.ts). They live next to the served folder, never inside
 * it, so a run killed outright (SIGKILL, power loss) leaves nothing half-written
 * where a browser or web host can see it; the next run clears what it left.
 *
 * Names carry the owner's process id (`.dist.next-1234-ab12cd`), so a run only
 * removes leftovers whose process is gone, never the folders of a run in progress.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

export type SideKind = 'next' | 'old' | 'staging';

/** `.<name>.<kind>-<pid>-<random>` in `parent` (by default beside the folder `target`). */
export function sideFolder(target: string, kind: SideKind, name = basename(target), parent = dirname(target)): string {
  return join(parent, `.${name}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Where the side folders of `target` go: beside the served folder `site` when `target`
 * is inside it (`dist/handouts` → `.dist.handouts.*` next to `dist/`), else beside `target`.
 */
export function sidePlace(target: string, site: string): { parent: string; name: string } {
  const root = resolve(site);
  const inside = relative(root, resolve(target));
  if (inside !== '' && !inside.startsWith('..') && !inside.startsWith('/')) {
    return { parent: dirname(root), name: `${basename(root)}.${inside.replaceAll('/', '.')}` };
  }
  return { parent: dirname(resolve(target)), name: basename(resolve(target)) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function exists(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Removes the side folders of `name` in `parent` left by runs that no longer exist.
 * If a run died between moving the old folder aside and moving the new one in, the
 * target is missing: the old folder is put back rather than removed. Returns what it cleared.
 */
export function clearStaleSideFolders(parent: string, name: string, target = join(parent, name)): string[] {
  // A second leading dot: the side folders of a folder inside a build's own fresh folder
  // (`..dist.next-1234-ab12cd.handouts.staging-…`), gone with that build.
  const pattern = new RegExp(
    `^(\\.\\.?)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(next|old|staging)-(\\d+)(?:-|$)`,
  );
  const cleared: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return cleared;
  }
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (!match || processAlive(Number(match[3]))) continue;
    const path = join(parent, entry);
    if (match[1] === '.' && match[2] === 'old' && !exists(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
    cleared.push(path);
  }
  return cleared;
}

/**
 * Removes `folder` and the side folders of anything inside it (`.<name>.…` beside it):
 * what a stopped build leaves when its fresh folder is dropped.
 */
export function removeWithSideFoldersSync(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  const prefix = `.${basename(folder)}.`;
  let entries: string[] = [];
  try {
    entries = readdirSync(dirname(folder));
  } catch {
    // No parent folder: nothing beside it either.
  }
  for (const entry of entries) {
    if (entry.startsWith(prefix)) rmSync(join(dirname(folder), entry), { recursive: true, force: true });
  }
}

/**
 * Puts the complete folder `next` in place of `target`. Synchronous on purpose: a
 * signal handler (Ctrl-C) cannot run in the middle, so it sees either the old
 * folder in place or the new one, never neither. `old` (where the replaced folder
 * waits until it is removed) must be on the same filesystem as `target`.
 */
export function swapInSync(next: string, target: string, old = sideFolder(target, 'old')): void {
  const hadTarget = exists(target);
  if (hadTarget) renameSync(target, old);
  try {
    renameSync(next, target);
  } catch (error) {
    if (hadTarget) renameSync(old, target);
    throw error;
  }
  if (hadTarget) rmSync(old, { recursive: true, force: true });
}
