/** Author-written frontmatter can make links, but never links that run code. */
import { describe, expect, it } from 'vitest';
import { isSafeHref, splitInlineLinks } from '../../src/lib/inline-links.ts';
import { sourceSchema } from '../../src/schemas/page.ts';

describe('links in frontmatter text (summary)', () => {
  it.each([
    '/glossary/#off-label',
    '#sources',
    'glossary/',
    'https://www.fda.gov/',
    'http://example.org',
    'mailto:care@example.org',
    'tel:+15555550100',
  ])('keeps %s as a link', (href) => {
    expect(isSafeHref(href)).toBe(true);
    expect(splitInlineLinks(`See [this](${href}) now.`)).toEqual([
      { text: 'See ' },
      { text: 'this', href },
      { text: ' now.' },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,hi',
    'vbscript:msgbox',
    '\u0001javascript:alert(1)',
    'java\u0009script:alert(1)',
  ])('keeps %j as plain text, exactly as written', (href) => {
    expect(isSafeHref(href)).toBe(false);
    const text = `Click [here](${href}) please.`;
    const parts = splitInlineLinks(text);
    expect(parts.some((part) => part.href !== undefined)).toBe(false);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });
});

describe('source addresses', () => {
  const source = { title: 'Label', publisher: 'FDA', year: 2020 };

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'ftp://example.org/file'])(
    'refuse %s',
    (url) => {
      const result = sourceSchema.safeParse({ ...source, url });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/https:\/\//);
    },
  );

  it('accept a web address', () => {
    expect(sourceSchema.safeParse({ ...source, url: 'https://www.accessdata.fda.gov/' }).success).toBe(true);
  });
});
