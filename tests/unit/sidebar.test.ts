import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configWarnings } from '../../src/integrations/config-warnings.ts';
import { parseClinicConfig } from '../../src/lib/clinic-config.ts';
import {
  guideSidebar,
  readSidebarPages,
  SIDEBAR_GROUPS,
  SidebarError,
  sidebarOrderWarnings,
} from '../../src/lib/sidebar.ts';
import lakeside from '../fixtures/clinic/lakeside/clinic.config.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { READING_ORDER } from '../support/sidebar-order.ts';

let docs = '';
beforeEach(() => {
  docs = mkdtempSync(join(tmpdir(), 'guide-sidebar-'));
});
afterEach(() => rmSync(docs, { recursive: true, force: true }));

function page(file: string, sidebar: string): void {
  writeFileSync(join(docs, file), `---\ntitle: ${file}\nsidebar:\n${sidebar}\n---\nText.\n`);
}

describe('the sidebar from the pages’ frontmatter', () => {
  it('keeps the reading order the guide had when the list was in astro.config.mjs', () => {
    const sidebar = guideSidebar(['en', 'es']);
    // Only the guide's own pages: a clinic's added pages (README, "Adding or changing a page") fit in between.
    const known = new Set(READING_ORDER.flatMap((group) => group.slugs));
    const listed = sidebar.map((group) => ({
      group: group.label,
      slugs: group.items.map((item) => item.slug).filter((slug) => known.has(slug)),
    }));
    expect(listed).toEqual(READING_ORDER);
    expect(sidebar.map((group) => group.translations)).toEqual(SIDEBAR_GROUPS.map((group) => ({ es: group.label.es })));
  });

  it('gives no translations for editions the clinic does not build', () => {
    expect(guideSidebar(['en']).every((group) => Object.keys(group.translations).length === 0)).toBe(true);
  });

  it('lists a new page in its group at its place, with no other file to edit', () => {
    page('a.md', '  group: safety\n  order: 10');
    page('c.md', '  group: safety\n  order: 12');
    page('start.md', '  group: start\n  order: 1');
    page('new-page.md', '  group: safety\n  order: 11');
    const sidebar = guideSidebar(['en'], docs);
    expect(sidebar.map((group) => group.label)).toEqual(['Start here', 'Safety']);
    expect(sidebar[1]?.items.map((item) => item.slug)).toEqual(['a', 'new-page', 'c']);
  });

  it('leaves out a page with `sidebar.hidden: true`', () => {
    page('shown.md', '  group: help\n  order: 1');
    page('hidden.md', '  hidden: true');
    expect(guideSidebar(['en'], docs).flatMap((group) => group.items.map((item) => item.slug))).toEqual(['shown']);
  });

  it.each([
    [
      'no group',
      '  order: 3',
      /new\.md cannot be placed in the sidebar:\n {2}- `sidebar\.group` must be one of "start", .*"help" \(it is missing\)/,
    ],
    ['an unknown group', '  group: extras\n  order: 3', /`sidebar\.group` must be one of .* \(got "extras"\)/],
    ['no order', '  group: help', /`sidebar\.order` must be a number: .* \(it is missing\)/],
    [
      'an order that is not a number',
      '  group: help\n  order: first',
      /`sidebar\.order` must be a number: .* \(got "first"\)/,
    ],
  ])('stops with the file and the fix for a page with %s', (_case, sidebar, expected) => {
    page('new.md', sidebar);
    expect(() => readSidebarPages(docs)).toThrow(SidebarError);
    expect(() => readSidebarPages(docs)).toThrow(expected);
  });

  it('warns about two pages with the same order in a group, naming both files', () => {
    page('first.md', '  group: help\n  order: 5');
    page('second.mdx', '  group: help\n  order: 5');
    page('elsewhere.md', '  group: safety\n  order: 5');
    const warnings = sidebarOrderWarnings(readSidebarPages(docs));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^src\/content\/docs\/first\.md and src\/content\/docs\/second\.mdx both have sidebar\.order 5 in the "help" group; give one of them another number/,
      ),
    ]);
  });

  it('has no two pages sharing a place in the guide as shipped', () => {
    expect(sidebarOrderWarnings(readSidebarPages())).toEqual([]);
  });

  it('prints the same-order warning at build time with the config warnings', () => {
    page('first.md', '  group: help\n  order: 5');
    page('second.md', '  group: help\n  order: 5');
    const config = parseClinicConfig(lakeside, 'lakeside', PROJECT_ROOT);
    expect(configWarnings(config, docs).filter((line) => line.includes('both have sidebar.order 5'))).toHaveLength(1);
  });
});
