/**
 * A throwaway copy of the guide's pages for review tests: records are only ever
 * written here, never into the repository (the sample content ships unreviewed).
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

export interface ReviewSite {
  root: string;
  /** Reads a file of the copy, relative to its root. */
  read: (path: string) => Promise<string>;
  /** Every file under src/content/reviews/ with its content, to prove a command changed nothing. */
  snapshot: () => Promise<Record<string, string>>;
  remove: () => Promise<void>;
}

/** Copies src/content/docs and src/content/reviews into a temporary folder. */
export async function copyReviewSite(): Promise<ReviewSite> {
  const root = await mkdtemp(join(tmpdir(), 'guide-review-'));
  for (const folder of ['docs', 'reviews']) {
    await cp(join(PROJECT_ROOT, 'src', 'content', folder), join(root, 'src', 'content', folder), { recursive: true });
  }
  const read = (path: string): Promise<string> => readFile(join(root, path), 'utf8');
  const snapshot = async (): Promise<Record<string, string>> => {
    const dir = join(root, 'src', 'content', 'reviews');
    const names = (await readdir(dir)).sort();
    return Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)),
    );
  };
  return { root, read, snapshot, remove: () => rm(root, { recursive: true, force: true }) };
}
