/** Page titles and a page's own `head` frontmatter reach the HTML as text, never as markup. */
import { describe, expect, it } from 'vitest';
import { escapeText, unsafeHeadEntry } from '../../src/security/route-middleware.ts';

describe('page <head> from frontmatter', () => {
  it('escapes a title so it cannot close <title> and open a script', () => {
    expect(escapeText('Risks </title><script>alert(1)</script> & more')).toBe(
      'Risks &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more',
    );
  });

  it.each([
    [{ tag: 'script', content: 'alert(1)' }, /<script>/],
    [{ tag: 'script', attrs: { src: '/x.js' } }, /<script>/],
    [{ tag: 'style', content: 'body{}' }, /<style>/],
    [{ tag: 'base', attrs: { href: 'https://evil.example/' } }, /<base>/],
    [{ tag: 'meta', attrs: { 'http-equiv': 'refresh', content: '0;url=https://evil.example/' } }, /http-equiv/],
    [{ tag: 'link', attrs: { rel: 'icon', href: 'x', onload: 'alert(1)' } }, /event handler/],
    [{ tag: 'link', attrs: { rel: 'preload', href: 'javascript:alert(1)' } }, /javascript:/],
    [{ tag: 'meta', attrs: { name: 'x' }, content: '<script>alert(1)</script>' }, /content inside/],
  ])('refuses %j', (entry, reason) => {
    expect(unsafeHeadEntry(entry)).toMatch(reason);
  });

  it.each([
    { tag: 'title', content: 'A custom title' },
    { tag: 'meta', attrs: { name: 'robots', content: 'noindex' } },
    { tag: 'link', attrs: { rel: 'alternate', href: 'https://example.org/page/' } },
  ])('allows %j', (entry) => {
    expect(unsafeHeadEntry(entry)).toBeUndefined();
  });
});
