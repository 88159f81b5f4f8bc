import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPagePaths } from '../support/built-pages.ts';
import { focusStop, tabUntil } from '../support/keyboard.ts';
import { openSite, type SiteSession } from '../support/site.ts';
import { inTabs } from '../support/tabs.ts';

const siteDir = inject('siteDir');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules the guide promises to meet. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

/**
 * The WCAG rules whose outcome depends on the colour theme. The dark theme changes colours only
 * (Starlight swaps custom properties), so it is checked against these; the light theme gets every rule.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** One line per rule broken on the page, with the first place it happens. */
async function axeViolations(tab: Page, rules?: string[]): Promise<string[]> {
  // Only the violations are read: axe then skips collecting the details of every rule that passed.
  // (options() replaces every option set before it, so it comes first.)
  const axe = new AxePuppeteer(tab).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS);
  const results = await (rules ? axe.withRules(rules) : axe).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.nodes.length}×, e.g. ${violation.nodes[0]?.target.join(' ')}): ${violation.help}`,
  );
}

/** Starlight follows the system colour scheme until the reader picks one. */
async function useTheme(tab: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
}

describe('accessibility', () => {
  let site: SiteSession;
  let paths: string[];
  beforeAll(async () => {
    site = await openSite(siteDir);
    paths = await builtPagePaths(siteDir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(THEMES)(
    'axe finds no WCAG 2.2 A/AA violations on any page, %s theme',
    async (theme) => {
      const problems: string[] = [];
      await inTabs(
        site.browser,
        paths,
        async (tab, path) => {
          await tab.goto(`${site.server.url}${path}`);
          const rules = theme === 'dark' ? COLOUR_RULES : undefined;
          for (const violation of await axeViolations(tab, rules)) problems.push(`/${path}: ${violation}`);
        },
        { prepare: (tab) => useTheme(tab, theme) },
      );
      expect(paths.length).toBeGreaterThan(10);
      expect(problems.sort()).toEqual([]);
    },
    180_000,
  );

  it.each(THEMES)('axe finds no violations in the open search dialog with results, %s theme', async (theme) => {
    const tab = await site.browser.newPage();
    await useTheme(tab, theme);
    await tab.goto(site.server.url);
    await tab.click('button[data-open-modal]');
    await tab.type('dialog[open] input', 'side effects');
    await tab.waitForSelector('dialog[open] .pagefind-ui__result-link');
    expect(await axeViolations(tab)).toEqual([]);
    await tab.close();
  });

  it('search works from the keyboard alone, with visible focus', async () => {
    const tab = await site.browser.newPage();
    await tab.goto(`${site.server.url}glossary/`);
    // Starlight builds the search box when the page is idle; Ctrl+K before that focuses the dialog itself.
    await tab.waitForFunction(() => document.querySelector('#starlight__search input') !== null);
    await tab.keyboard.down('Control');
    await tab.keyboard.press('k');
    await tab.keyboard.up('Control');
    await tab.waitForSelector('dialog[open] input', { visible: true });
    expect((await focusStop(tab))?.label, 'Ctrl+K puts focus in the search box').toMatch(/^input/);
    await tab.keyboard.type('bladder');
    await tab.waitForSelector('dialog[open] .pagefind-ui__result-link');
    const stops = await tabUntil(tab, (stop) => stop.href?.includes('/risks-and-side-effects/') ?? false, 10);
    const result = stops.at(-1);
    expect(result?.href, 'Tab reaches the first result').toContain('/risks-and-side-effects/');
    expect(result?.visible, `focus is visible on ${result?.label}`).toBe(true);
    await Promise.all([tab.waitForNavigation(), tab.keyboard.press('Enter')]);
    expect(new URL(tab.url()).pathname).toContain('/risks-and-side-effects/');
    await tab.close();
  });

  it('the sidebar works from the keyboard on a phone-sized screen', async () => {
    const tab = await site.browser.newPage();
    await tab.setViewport({ width: 375, height: 800 });
    await tab.goto(site.server.url);
    const toMenu = await tabUntil(tab, (stop) => /^button/.test(stop.label) && /menu/i.test(stop.label), 20);
    expect(toMenu.at(-1)?.visible, 'focus is visible on the menu button').toBe(true);
    expect(toMenu.at(-1)?.label, 'Tab reaches the menu button').toMatch(/menu/i);
    await tab.keyboard.press('Enter');
    // Starlight's menu button opens the sidebar as a popover.
    await tab.waitForFunction(() => document.querySelector('#starlight__sidebar')?.matches(':popover-open'), {
      timeout: 5_000,
    });
    const toLink = await tabUntil(tab, (stop) => stop.href?.endsWith('/glossary/') ?? false, 60);
    const link = toLink.at(-1);
    expect(link?.href, 'Tab reaches a sidebar link').toMatch(/\/glossary\/$/);
    expect(link?.visible, 'focus is visible on the sidebar link').toBe(true);
    await Promise.all([tab.waitForNavigation(), tab.keyboard.press('Enter')]);
    expect(new URL(tab.url()).pathname).toMatch(/\/glossary\/$/);
    await tab.close();
  });

  it('every stop on the way to the handout links shows visible focus', async () => {
    const tab = await site.browser.newPage();
    await tab.goto(`${site.server.url}risks-and-side-effects/`);
    const stops = await tabUntil(tab, (stop) => stop.href?.includes('/handouts/') ?? false);
    expect(stops.at(-1)?.href, 'Tab reaches a handout link').toContain('/handouts/');
    expect(
      stops.filter((stop) => !stop.visible).map((stop) => stop.label),
      'stops without a visible focus indicator',
    ).toEqual([]);
    await tab.close();
  });

  it('respects "reduce motion": nothing animates or transitions', async () => {
    const tab = await site.browser.newPage();
    await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await tab.goto(`${site.server.url}glossary/`);
    const moving = await tab.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) => {
        const style = getComputedStyle(element);
        const seconds = [...style.transitionDuration.split(','), ...style.animationDuration.split(',')].map(
          (value) => parseFloat(value) || 0,
        );
        return Math.max(...seconds) > 0.01
          ? [`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`]
          : [];
      }),
    );
    expect(moving).toEqual([]);
    expect(await tab.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).not.toBe('smooth');
    await tab.close();
  });

  it('with text at 200% on a 320 px wide screen, no page scrolls sideways', async () => {
    const wide: string[] = [];
    const visit = async (tab: Page, path: string): Promise<void> => {
      await tab.goto(`${site.server.url}${path}`);
      // Like a browser's text size setting: the site sizes text in rem, relative to this.
      const overflow = await tab.evaluate(() => {
        document.documentElement.style.setProperty('font-size', '200%');
        const { scrollWidth, clientWidth } = document.documentElement;
        return scrollWidth > clientWidth ? `${scrollWidth} px wide` : undefined;
      });
      if (overflow) wide.push(`/${path}: ${overflow}`);
    };
    await inTabs(site.browser, paths, visit, { prepare: (tab) => tab.setViewport({ width: 320, height: 800 }) });
    expect(paths.length).toBeGreaterThan(10);
    expect(wide.sort()).toEqual([]);
  }, 120_000);
});
