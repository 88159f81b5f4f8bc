/** The screens the guide is tried on: a patient's phone, a clinic's kiosk tablet, and 200% zoom in dark mode. */
import type { Page, Viewport } from 'puppeteer';

export interface Device {
  name: string;
  viewport: Viewport;
  theme: 'light' | 'dark';
}

export const DEVICES: Device[] = [
  { name: 'phone 390×844', viewport: { width: 390, height: 844, isMobile: true, hasTouch: true }, theme: 'light' },
  { name: 'tablet 1024×768', viewport: { width: 1024, height: 768, hasTouch: true }, theme: 'light' },
  // A 1280×800 laptop at 200% zoom: the page lays out in 640×400 CSS pixels, drawn at twice the density.
  { name: '200% zoom, dark', viewport: { width: 640, height: 400, deviceScaleFactor: 2 }, theme: 'dark' },
];

export async function useDevice(tab: Page, device: Device): Promise<void> {
  await tab.setViewport(device.viewport);
  await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: device.theme }]);
}

/** WCAG relative-luminance contrast of two CSS colours as getComputedStyle reports them ("rgb(…)" or "color(srgb …)"). */
export function contrastOf(foreground: string, background: string): number {
  const channels = (css: string): number[] => {
    const numbers = (css.match(/[\d.]+/g) ?? []).map(Number);
    const [r = 0, g = 0, b = 0] = css.startsWith('color(') ? numbers.map((n) => n * 255) : numbers;
    return [r, g, b];
  };
  const luminance = (css: string): number => {
    const [r = 0, g = 0, b = 0] = channels(css).map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
