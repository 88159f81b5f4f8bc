/**
 * Turns the clinic's brand colour into Starlight's accent colours for the light
 * and dark themes, and checks that links and buttons in that colour keep WCAG AA
 * contrast (4.5:1) on every surface they appear on.
 */
import { AA_TEXT, contrastRatio, hsl, mix, parseHex, shadeForContrast, toHex, type Rgb } from './contrast.ts';

interface Surface {
  name: string;
  color: Rgb;
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/** Starlight's own backgrounds (its style/props.css): the page and the lighter nav/sidebar. */
export const SURFACES: Record<'light' | 'dark', Surface[]> = {
  light: [
    { name: 'the white page background', color: WHITE },
    { name: 'the light sidebar background', color: hsl(224, 20, 94) },
  ],
  dark: [
    { name: 'the dark theme page background', color: hsl(224, 10, 10) },
    { name: 'the dark theme sidebar background', color: hsl(224, 14, 16) },
  ],
};

/** Starlight's three accent variables for one theme, as hex colours. */
export interface AccentSet {
  /** `--sl-color-accent-low`: tinted backgrounds. */
  low: string;
  /** `--sl-color-accent`: buttons, borders; link text in the light theme. */
  accent: string;
  /** `--sl-color-accent-high`: link text in the dark theme, dark text on tints in the light one. */
  high: string;
}

export interface BrandTheme {
  light: AccentSet;
  dark: AccentSet;
}

/** A colour that fails the check: which config field, and what to do about it. */
export interface ContrastProblem {
  field: 'brandColor' | 'brandColorDark';
  message: string;
}

export type BrandCheck =
  | { ok: true; theme: BrandTheme; derivedDark: boolean }
  | { ok: false; problems: ContrastProblem[] };

function worst(color: Rgb, surfaces: Surface[]): { ratio: number; surface: Surface } {
  return surfaces
    .map((surface) => ({ ratio: contrastRatio(color, surface.color), surface }))
    .reduce((a, b) => (b.ratio < a.ratio ? b : a));
}

function describe(
  color: string,
  field: ContrastProblem['field'],
  surfaces: Surface[],
  towards: Rgb,
  direction: string,
): ContrastProblem | undefined {
  const rgb = parseHex(color);
  const { ratio, surface } = worst(rgb, surfaces);
  if (ratio >= AA_TEXT) return undefined;
  const fix = shadeForContrast(
    rgb,
    towards,
    surfaces.map((s) => s.color),
  );
  return {
    field,
    message:
      `${color} has a contrast of only ${ratio.toFixed(2)}:1 against ${surface.name}; links and buttons need at least ${AA_TEXT}:1 (WCAG AA).` +
      (fix ? ` A ${direction} shade that passes: ${toHex(fix)}.` : ''),
  };
}

/**
 * The dark theme's tint. Starlight also writes it as text on `high` (the current page in the
 * sidebar), so it is darkened until that pair reaches 4.5:1 too.
 */
function darkLow(brand: Rgb, high: Rgb): Rgb {
  const tint = mix(brand, SURFACES.dark[0]!.color, 0.7);
  return shadeForContrast(tint, BLACK, [high]) ?? BLACK;
}

/**
 * Checks `brandColor` against the light theme and `brandColorDark` (or, when it
 * is not set, a lighter tint of `brandColor` found automatically) against the dark theme.
 */
export function checkBrandColors(brandColor: string, brandColorDark?: string): BrandCheck {
  const problems = [
    describe(brandColor, 'brandColor', SURFACES.light, BLACK, 'darker'),
    brandColorDark ? describe(brandColorDark, 'brandColorDark', SURFACES.dark, WHITE, 'lighter') : undefined,
  ].filter((problem): problem is ContrastProblem => problem !== undefined);
  if (problems.length > 0) return { ok: false, problems };

  const brand = parseHex(brandColor);
  const darkText = brandColorDark
    ? parseHex(brandColorDark)
    : shadeForContrast(
        brand,
        WHITE,
        SURFACES.dark.map((s) => s.color),
      );
  // Mixing towards white always reaches 4.5:1 on Starlight's dark backgrounds; the fallback is for safety only.
  const high = darkText ?? WHITE;
  return {
    ok: true,
    derivedDark: !brandColorDark,
    theme: {
      light: { low: toHex(mix(brand, WHITE, 0.85)), accent: toHex(brand), high: toHex(mix(brand, BLACK, 0.45)) },
      dark: { low: toHex(darkLow(brand, high)), accent: toHex(mix(brand, high, 0.5)), high: toHex(high) },
    },
  };
}

/** CSS that sets Starlight's accent variables; unlayered, so it wins over Starlight's layered defaults. */
export function brandThemeCss(theme: BrandTheme): string {
  const vars = (set: AccentSet): string =>
    `--sl-color-accent-low:${set.low};--sl-color-accent:${set.accent};--sl-color-accent-high:${set.high};`;
  return `:root{${vars(theme.dark)}}:root[data-theme='light']{${vars(theme.light)}}`;
}
