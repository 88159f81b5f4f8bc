import { describe, expect, it } from 'vitest';
import { onBundlerWarning } from '../../src/lib/build-warnings.ts';

describe('build warnings left out of the log (src/lib/build-warnings.ts)', () => {
  const passedOn = (warning: { code?: string; message: string }): boolean => {
    let seen = false;
    onBundlerWarning(warning, () => (seen = true));
    return seen;
  };

  it('drops only the MDX head-inject directive warning', () => {
    expect(
      passedOn({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message:
          'The semantics of the module level directive "use astro:head-inject" in "src/content/docs/x.mdx" may not be preserved when bundling.',
      }),
    ).toBe(false);
  });

  it('passes on every other warning, including other directives', () => {
    expect(
      passedOn({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message: 'The semantics of the module level directive "use client" may not be preserved.',
      }),
    ).toBe(true);
    expect(passedOn({ code: 'CIRCULAR_DEPENDENCY', message: 'use astro:head-inject' })).toBe(true);
    expect(passedOn({ message: 'anything' })).toBe(true);
  });
});
