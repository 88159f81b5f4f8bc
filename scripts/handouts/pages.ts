/**
 * Reads the list of pages to print from the built site (`dist/handout-pages.json`,
 * written by src/pages/handout-pages.json.ts), with errors that say what to run.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandoutLabels, HandoutPage, HandoutReview } from '../../src/lib/handout-pages.ts';

export type { HandoutLabels, HandoutPage, HandoutReview };

export interface HandoutIndex {
  /** The site's public URL (Astro `site`), used for source links and QR codes. */
  site: string;
  /** Astro `base`, e.g. "/" or "/patient-guide/". */
  base: string;
  pages: HandoutPage[];
  /** Header and footer words by language ("Page {page} of {total}"), from the site's dictionary. */
  labels: Record<string, HandoutLabels>;
}

/** A problem with the input the user can fix; printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export async function loadHandoutIndex(siteDir: string): Promise<HandoutIndex> {
  const dirInfo = await stat(siteDir).catch(() => undefined);
  if (!dirInfo?.isDirectory()) {
    throw new UsageError(`The built site folder "${siteDir}" does not exist. Build the site first: npm run build:site`);
  }
  const indexFile = join(siteDir, 'handout-pages.json');
  const text = await readFile(indexFile, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new UsageError(
      `"${indexFile}" is missing, so "${siteDir}" is not a complete build of this guide. Rebuild it: npm run build:site`,
    );
  }
  let index: HandoutIndex;
  try {
    index = JSON.parse(text) as HandoutIndex;
  } catch (error) {
    throw new UsageError(`"${indexFile}" is not valid JSON (${(error as Error).message}). Rebuild the site: npm run build:site`);
  }
  if (!Array.isArray(index.pages) || index.pages.length === 0) {
    throw new UsageError(
      `"${indexFile}" lists no pages to print. Check that pages in src/content/docs/ do not all set "handout: { include: false }", then run npm run build:site`,
    );
  }
  for (const page of index.pages) {
    const html = join(siteDir, page.path.slice(index.base.length), 'index.html');
    if (!(await stat(html).catch(() => undefined))?.isFile()) {
      throw new UsageError(`The page "${page.slug}" (${page.path}) is listed but "${html}" was not built. Rebuild the site: npm run build:site`);
    }
  }
  // Builds made before the site wrote handout labels have none: the renderer then uses English.
  return { ...index, labels: index.labels ?? {} };
}
