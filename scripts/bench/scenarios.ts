/**
 * The renderer scenarios `npm run bench` times, in order, on one built site. Each
 * one is an entry: a label, the `npm run pdf` options, and what to change in the
 * built site first. Adding a scenario is adding an entry, e.g. when one-sheets
 * and visit packets arrive:
 *
 *   { label: 'Rebuild, one one-sheet changed', pdfArgs: [], change: touchPage((page) => <is a one-sheet>) },
 *   { label: 'Rebuild, one packet changed', pdfArgs: [], change: touchPage((page) => <is in a packet>) },
 *
 * (or a `change` of their own, if those kinds are shaped by another file than a built page).
 */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandoutIndex, HandoutPage } from '../../src/handouts/pages.ts';

export interface ScenarioContext {
  /** The built site being printed. */
  site: string;
  index: HandoutIndex;
}

export interface Scenario {
  label: string;
  /** Options for `npm run pdf`, besides --site. */
  pdfArgs: string[];
  /** Changes the built site before the run and says what it changed (none: nothing changed). */
  change?: (context: ScenarioContext) => Promise<string>;
}

/** Touches the HTML of the first built page `pick` accepts, as an edit to that page would. */
export function touchPage(pick: (page: HandoutPage) => boolean): (context: ScenarioContext) => Promise<string> {
  return async ({ site, index }) => {
    const page = index.pages.find(pick);
    if (!page) throw new Error('the bench found no page to change for this scenario in the built site');
    const html = join(site, page.path.slice(index.base.length), 'index.html');
    await appendFile(html, `\n<!-- changed by npm run bench ${Date.now()} -->\n`);
    return page.slug;
  };
}

/** In this order: each starts from what the one before left. */
export const RENDERER_SCENARIOS: readonly Scenario[] = [
  { label: 'Full set, cold', pdfArgs: ['--force'] },
  { label: 'Rebuild, nothing changed', pdfArgs: [] },
  { label: 'Rebuild, one page changed', pdfArgs: [], change: touchPage(() => true) },
];
