import { describe, expect, it } from 'vitest';
import { loadPages, textField } from '../support/pages';
import { anchorIds, headingIds, internalLinks } from '../support/links';
import { unlinkedFirstUses } from '../support/glossary-terms';

const pages = loadPages();
const byPath = new Map(pages.map((page) => [page.path, page]));
const glossary = pages.find((page) => page.slug === 'glossary');

/** Terms other pages rely on; renaming one of these headings breaks links. */
const requiredTerms = [
  'dissociation',
  'nmda-receptor',
  'off-label',
  'rems',
  'treatment-resistant-depression',
  'esketamine',
  'integration',
  'schedule-iii',
  'placebo',
  'remission',
];

const cases = pages.map((page) => [page.file, page] as const);

describe('glossary and internal links', () => {
  it('has a glossary page with the core terms', () => {
    expect(glossary, 'src/content/docs/glossary.md is missing').toBeDefined();
    const ids = headingIds(glossary?.body ?? '');
    for (const term of requiredTerms) expect(ids, `glossary needs a heading for "${term}"`).toContain(term);
  });

  it.each(cases)('%s: every glossary link points to an existing term', (_file, page) => {
    const ids = new Set(headingIds(glossary?.body ?? ''));
    const links = internalLinks(`${textField(page, 'summary')}\n${page.body}`).filter(
      (link) => link.path === '/glossary/',
    );
    const broken = links.filter((link) => link.hash !== undefined && !ids.has(link.hash)).map((link) => link.href);
    expect(broken, `${page.file} links to glossary terms that do not exist`).toEqual([]);
  });

  it.each(cases.filter(([, page]) => page.slug !== 'glossary'))(
    '%s: links glossary terms where it first uses them',
    (_file, page) => {
      expect(unlinkedFirstUses(page.body), `${page.file}: link the first use of these terms to the glossary`).toEqual(
        [],
      );
    },
  );

  it.each(cases)('%s: every internal link points to an existing page and heading', (_file, page) => {
    const links = internalLinks(`${textField(page, 'summary')}\n${page.body}`);
    const broken = links
      .filter((link) => {
        const target = byPath.get(link.path);
        if (!target) return true;
        return link.hash !== undefined && !anchorIds(target).has(link.hash);
      })
      .map((link) => link.href);
    expect(broken, `${page.file} has broken links (paths need a trailing slash, e.g. /glossary/)`).toEqual([]);
  });
});
