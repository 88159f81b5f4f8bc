/**
 * Reads the list of pages to print from the built site (`dist/handout-pages.json`,
 * written by src/pages/handout-pages.json.ts, shaped by src/contracts/handout-index.ts),
 * with errors that say what to run.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HANDOUT_INDEX_FILE, handoutIndexSchema, type HandoutIndex } from '../contracts/handout-index.ts';
import { parseContract } from '../contracts/friendly-parse.ts';

export type { HandoutIndex, HandoutLabels, HandoutPage, HandoutReview } from '../contracts/handout-index.ts';

/** A problem with the input the user can fix; printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reads and checks `handout-pages.json` of the site built in `siteDir`; a wrong shape is a ContractError naming the field. */
export async function readHandoutIndex(siteDir: string): Promise<HandoutIndex> {
  const indexFile = join(siteDir, HANDOUT_INDEX_FILE);
  const text = await readFile(indexFile, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new UsageError(
      `"${indexFile}" is missing, so "${siteDir}" is not a complete build of this guide. Rebuild it: npm run build:site`,
    );
  }
  return parseContract(handoutIndexSchema, text, { file: indexFile, rebuild: 'npm run build:site' });
}

export async function loadHandoutIndex(siteDir: string): Promise<HandoutIndex> {
  const dirInfo = await stat(siteDir).catch(() => undefined);
  if (!dirInfo?.isDirectory()) {
    throw new UsageError(`The built site folder "${siteDir}" does not exist. Build the site first: npm run build:site`);
  }
  const index = await readHandoutIndex(siteDir);
  if (index.pages.length === 0) {
    throw new UsageError(
      `"${join(siteDir, HANDOUT_INDEX_FILE)}" lists no pages to print. Check that pages in src/content/docs/ do not all set "handout: { include: false }", then run npm run build:site`,
    );
  }
  for (const page of index.pages) {
    const html = join(siteDir, page.path.slice(index.base.length), 'index.html');
    if (!(await stat(html).catch(() => undefined))?.isFile()) {
      throw new UsageError(
        `The page "${page.slug}" (${page.path}) is listed but "${html}" was not built. Rebuild the site: npm run build:site`,
      );
    }
  }
  return index;
}
