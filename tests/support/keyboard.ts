/** Keyboard helpers for e2e tests: where focus is, and whether a person can see it. */
import type { Page } from 'puppeteer';

export interface FocusStop {
  /** Tag and accessible text of the focused element, for messages. */
  label: string;
  href: string | undefined;
  /** Whether the focused element shows a focus indicator (outline or box shadow). */
  visible: boolean;
}

/** Describes the element that has focus now. */
export async function focusStop(tab: Page): Promise<FocusStop | undefined> {
  return tab.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return undefined;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== 'none';
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '')
      .trim()
      .replace(/\s+/g, ' ')
      .slice(0, 60);
    return {
      label: `${element.tagName.toLowerCase()} "${text}"`,
      href: element instanceof HTMLAnchorElement ? element.href : undefined,
      visible: outline || shadow,
    };
  });
}

/** Presses Tab up to `max` times, recording every stop, until `until` matches one. */
export async function tabUntil(tab: Page, until: (stop: FocusStop) => boolean, max = 120): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i += 1) {
    await tab.keyboard.press('Tab');
    const stop = await focusStop(tab);
    if (!stop) continue;
    stops.push(stop);
    if (until(stop)) return stops;
  }
  return stops;
}
