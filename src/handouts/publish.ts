/**
 * All-or-nothing publishing: a run writes into a staging folder beside the
 * output folder and swaps it in only when every requested file succeeded, so a
 * failed or interrupted run leaves the last good handouts untouched.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface Staging {
  dir: string;
  /** Swaps the staging folder in for `target`. */
  publish: () => Promise<void>;
  /** Removes the staging folder (safe to call more than once). */
  discard: () => Promise<void>;
}

export async function createStaging(target: string): Promise<Staging> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const dir = join(parent, `.${basename(target)}.staging-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return {
    dir,
    publish: async () => {
      const old = join(parent, `.${basename(target)}.old-${process.pid}`);
      await rm(old, { recursive: true, force: true });
      const hadTarget = await rename(target, old).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      try {
        await rename(dir, target);
      } catch (error) {
        if (hadTarget) await rename(old, target);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    },
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}
