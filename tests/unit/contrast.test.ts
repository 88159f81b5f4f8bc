import { describe, expect, it } from 'vitest';
import { brandThemeCss, checkBrandColors, SURFACES } from '../../src/lib/brand-theme.ts';
import { contrastRatio, hsl, parseHex, toHex } from '../../src/lib/contrast.ts';

describe('WCAG contrast', () => {
  it('matches the reference values', () => {
    expect(contrastRatio(parseHex('#000'), parseHex('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#fff'), parseHex('#fff'))).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio(parseHex('#767676'), parseHex('#ffffff'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(parseHex('#777777'), parseHex('#ffffff'))).toBeLessThan(4.5);
  });

  it('reads Starlight’s hsl() theme colours', () => {
    expect(toHex(hsl(0, 0, 100))).toBe('#ffffff');
    expect(toHex(hsl(120, 100, 25))).toBe('#008000');
  });
});

describe('brand theme', () => {
  it('keeps every link colour at 4.5:1 or more on its theme’s backgrounds', () => {
    for (const brand of ['#0b6e69', '#1a1a8c', '#8a2be2', '#b00020', '#000000']) {
      const check = checkBrandColors(brand);
      expect(check.ok, brand).toBe(true);
      if (!check.ok) continue;
      for (const surface of SURFACES.light)
        expect(
          contrastRatio(parseHex(check.theme.light.accent), surface.color),
          `${brand} on ${surface.name}`,
        ).toBeGreaterThanOrEqual(4.5);
      for (const surface of SURFACES.dark)
        expect(
          contrastRatio(parseHex(check.theme.dark.high), surface.color),
          `${brand} on ${surface.name}`,
        ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the dark theme current-page link (low on high) at 4.5:1 or more', () => {
    for (const brand of ['#0b6e69', '#1a1a8c', '#8a2be2', '#b00020', '#000000']) {
      const check = checkBrandColors(brand);
      if (!check.ok) continue;
      expect(
        contrastRatio(parseHex(check.theme.dark.low), parseHex(check.theme.dark.high)),
        brand,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('fails a colour that is too light for white', () => {
    const check = checkBrandColors('#ffcc00');
    expect(check.ok).toBe(false);
  });

  it('writes the accent variables for both themes', () => {
    const check = checkBrandColors('#0b6e69');
    if (!check.ok) throw new Error('expected a valid colour');
    const css = brandThemeCss(check.theme);
    expect(css).toContain(':root{--sl-color-accent-low:');
    expect(css).toContain(":root[data-theme='light']{--sl-color-accent-low:");
    expect(css).toContain('--sl-color-accent:#0b6e69;');
  });
});
