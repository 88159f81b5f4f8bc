/**
 * WCAG 2.x colour contrast, used to check the clinic's brand colour before it
 * becomes link and button colour on the site (see src/lib/brand-theme.ts).
 */

/** An sRGB colour with 0–255 channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** WCAG AA minimum for normal-size text, links and button labels. */
export const AA_TEXT = 4.5;

const hexPattern = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** True for "#0b6e69" or "#0b6". */
export function isHexColor(value: string): boolean {
  return hexPattern.test(value);
}

/** Parses "#0b6e69" or "#0b6"; throws on anything else. */
export function parseHex(hex: string): Rgb {
  if (!isHexColor(hex)) throw new Error(`"${hex}" is not a hex colour such as #0b6e69`);
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const channel = (i: number): number => Number.parseInt(digits.slice(i, i + 2), 16);
  return { r: channel(0), g: channel(2), b: channel(4) };
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Converts CSS `hsl(h, s%, l%)` numbers to RGB, for Starlight's theme colours. */
export function hsl(h: number, s: number, l: number): Rgb {
  const sat = s / 100;
  const light = l / 100;
  const k = (n: number): number => (n + h / 30) % 12;
  const a = sat * Math.min(light, 1 - light);
  const f = (n: number): number => 255 * (light - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1)));
  return { r: f(0), g: f(8), b: f(4) };
}

/** Relative luminance as defined by WCAG 2.x. */
export function luminance({ r, g, b }: Rgb): number {
  const linear = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio between two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `weight` of `b` mixed into `a` (0 = a, 1 = b), channel by channel. */
export function mix(a: Rgb, b: Rgb, weight: number): Rgb {
  const m = (x: number, y: number): number => x + (y - x) * weight;
  return { r: m(a.r, b.r), g: m(a.g, b.g), b: m(a.b, b.b) };
}

/**
 * The closest shade of `color` (mixed towards `towards`, usually white or black)
 * that reaches `ratio` against every colour in `backgrounds`, or undefined if none does.
 */
export function shadeForContrast(color: Rgb, towards: Rgb, backgrounds: Rgb[], ratio = AA_TEXT): Rgb | undefined {
  for (let step = 0; step <= 100; step += 1) {
    // Round to whole channels first, so the colour we check is the colour we print.
    const candidate = parseHex(toHex(mix(color, towards, step / 100)));
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= ratio)) return candidate;
  }
  return undefined;
}
