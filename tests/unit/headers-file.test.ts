import { describe, expect, it } from 'vitest';
import { headersFor, parseHeaderRules } from '../../scripts/serve/headers.ts';

describe('_headers rules (scripts/serve/headers.ts)', () => {
  const rules = parseHeaderRules(
    [
      '# comment',
      '/*',
      '  X-Frame-Options: DENY',
      '  Referrer-Policy: no-referrer',
      '',
      '/handouts/*',
      '  X-Frame-Options: SAMEORIGIN',
      '/:lang/about/',
      '  X-Extra: yes',
    ].join('\n'),
  );

  it('applies a rule to every path it matches, later rules winning', () => {
    expect(headersFor(rules, '/')).toEqual([
      ['X-Frame-Options', 'DENY'],
      ['Referrer-Policy', 'no-referrer'],
    ]);
    expect(headersFor(rules, '/handouts/a4/guide.pdf')).toContainEqual(['X-Frame-Options', 'SAMEORIGIN']);
    expect(headersFor(rules, '/es/about/')).toContainEqual(['X-Extra', 'yes']);
    expect(headersFor(rules, '/es/more/about/')).not.toContainEqual(['X-Extra', 'yes']);
  });

  it('keeps a value that contains colons and quotes whole', () => {
    const [rule] = parseHeaderRules(
      "/*\n  Content-Security-Policy: frame-ancestors 'none'; report-uri https://x.example:8443/r",
    );
    expect(rule?.headers).toEqual([
      ['Content-Security-Policy', "frame-ancestors 'none'; report-uri https://x.example:8443/r"],
    ]);
  });

  it('names the file and line of a header without a path, or a path without a slash', () => {
    expect(() => parseHeaderRules('  X-Frame-Options: DENY', 'public/_headers')).toThrow(
      /public\/_headers:1: .*path line/,
    );
    expect(() => parseHeaderRules('*\n  X: y', 'public/_headers')).toThrow(/public\/_headers:1: .*start with "\/"/);
  });
});
