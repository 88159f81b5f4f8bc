/**
 * The sidebar is built from the pages' frontmatter (src/lib/sidebar.ts). This
 * checks the built site: the groups and pages appear in the reading order the
 * guide had when the list was hard-coded, in every edition built, and the
 * Previous/Next links follow it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import { SIDEBAR_GROUPS } from '../../src/lib/sidebar.ts';
import { editionsOf } from '../support/editions.ts';
import { readHandoutIndex } from '../support/site.ts';
import { READING_ORDER } from '../support/sidebar-order.ts';

const siteDir = inject('siteDir');

/** The sidebar of a built page: each group's label and its links, in order. */
function sidebarOf(html: string): Array<{ group: string; hrefs: string[] }> {
  const start = html.indexOf('<ul class="top-level');
  const nav = html.slice(start, html.indexOf('</sl-sidebar-state-persist>', start));
  return nav
    .split('<details')
    .slice(1)
    .map((group) => ({
      group: /<span class="large[^"]*">([^<]+)<\/span>/.exec(group)?.[1] ?? '',
      hrefs: [...group.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1] ?? ''),
    }));
}

const link = (html: string, rel: 'prev' | 'next'): string | undefined =>
  new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html)?.[1];

describe.each(editionsOf(clinic).map((edition) => [edition.language, edition.prefix] as const))(
  'the %s sidebar',
  (language, prefix) => {
    it('lists the groups and pages in the reading order, with the group labels in this language', async () => {
      const { base } = await readHandoutIndex(siteDir);
      const html = await readFile(join(siteDir, prefix, 'glossary', 'index.html'), 'utf8');
      const expected = READING_ORDER.map((group, index) => ({
        group: SIDEBAR_GROUPS[index]?.label[language] ?? group.group,
        hrefs: group.slugs.map((slug) => `${base}${prefix.slice(1)}${slug === 'index' ? '' : `${slug}/`}`),
      }));
      expect(sidebarOf(html)).toEqual(expected);
    });

    it('links each page to the one before and after it in that order (Previous/Next)', async () => {
      const { base } = await readHandoutIndex(siteDir);
      const order = READING_ORDER.flatMap((group) => group.slugs);
      const href = (slug: string): string => `${base}${prefix.slice(1)}${slug === 'index' ? '' : `${slug}/`}`;
      for (const [index, slug] of order.entries()) {
        const html = await readFile(join(siteDir, prefix, slug === 'index' ? '' : slug, 'index.html'), 'utf8');
        expect(link(html, 'prev'), `${prefix}${slug} Previous`).toBe(index > 0 ? href(order[index - 1]!) : undefined);
        expect(link(html, 'next'), `${prefix}${slug} Next`).toBe(
          index < order.length - 1 ? href(order[index + 1]!) : undefined,
        );
      }
    });
  },
);
