/**
 * The guide on a patient's phone, a clinic's kiosk tablet and at 200% zoom in dark mode:
 * help one tap away at the top of every page, touch targets of at least 44×44 CSS px that
 * do not overlap, a site title that is never cut, and focus and links that show in the dark.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPagePaths } from '../support/built-pages.ts';
import { contrastOf, DEVICES, useDevice } from '../support/devices.ts';
import { tabUntil } from '../support/keyboard.ts';
import { openSite, type SiteSession } from '../support/site.ts';
import { inTabs } from '../support/tabs.ts';

const siteDir = inject('siteDir');
const TARGET = 44;
/** Controls a finger needs: menu, search, help and language links, language and theme menus, sidebar rows, download links. */
const CONTROLS = [
  '.sl-menu-button',
  'site-search button[data-open-modal]',
  '.guide-header__quick a',
  'starlight-lang-select select',
  'starlight-theme-select select',
  '.handout-links a',
  '.handout-links button',
  '.handout-table td a',
  '#starlight__sidebar .sidebar-content a',
  '#starlight__sidebar .sidebar-content summary',
].join(', ');

interface Box {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The on-screen boxes of every visible control (page coordinates); with `menuOpen`, only the header's and the menu's. */
async function controlBoxes(tab: Page, menuOpen: boolean): Promise<Box[]> {
  return tab.$$eval(
    CONTROLS,
    (elements, menuOpen) =>
      elements.flatMap((element) => {
        if (menuOpen && !element.closest('header, .sl-menu-button, #starlight__sidebar')) return [];
        const rect = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') return [];
        const label = `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
        const fixed = element.closest('header, .sl-menu-button, #starlight__sidebar') !== null;
        return [
          {
            label,
            x: rect.x + (fixed ? 0 : scrollX),
            y: rect.y + (fixed ? 0 : scrollY),
            width: rect.width,
            height: rect.height,
          },
        ];
      }),
    menuOpen,
  );
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5
  );
}

describe.each(DEVICES)('on a $name', (device) => {
  let site: SiteSession;
  let tab: Page;
  let paths: string[];
  beforeAll(async () => {
    site = await openSite(siteDir);
    paths = await builtPagePaths(siteDir);
    tab = await site.browser.newPage();
    await useDevice(tab, device);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('shows "Get help now · 988" at the top of every page, linking the page in its language', async () => {
    const problems: string[] = [];
    // Every page on the phone; on the other screens the header is the same, so a sample in each language.
    const visit =
      device.viewport.width <= 390
        ? paths
        : paths.filter((path) =>
            ['', 'es/', 'glossary/', 'es/getting-help-now/', 'offline/', 'es/offline/', '404.html'].includes(path),
          );
    const check = async (page: Page, path: string): Promise<void> => {
      await page.goto(`${site.server.url}${path}`);
      const help = await page.evaluate(() => {
        const link = document.querySelector<HTMLAnchorElement>('.guide-header__help, .help-link');
        if (!link) return undefined;
        const rect = link.getBoundingClientRect();
        const style = getComputedStyle(link);
        return {
          text: link.innerText,
          href: link.href,
          top: rect.top,
          bottom: rect.bottom,
          shown: rect.width > 0 && style.visibility !== 'hidden',
        };
      });
      const spanish = path.startsWith('es/');
      if (!help) problems.push(`/${path}: no help link`);
      else if (!help.shown || help.top < 0 || help.bottom > 160)
        problems.push(`/${path}: help link not visible at the top (${help.top}–${help.bottom} px)`);
      else if (!help.text.includes('988')) problems.push(`/${path}: help link says "${help.text}"`);
      else if (!help.href.endsWith(`${spanish ? 'es/' : ''}getting-help-now/`))
        problems.push(`/${path}: help link goes to ${help.href}`);
    };
    await inTabs(site.browser, visit, check, { prepare: (page) => useDevice(page, device) });
    expect(paths.length).toBeGreaterThan(30);
    expect(problems.sort()).toEqual([]);
  }, 180_000);

  it.each(['', 'printable-handouts/', 'es/printable-handouts/', 'es/questions-to-ask/'])(
    'gives every control on /%s a 44×44 px target, none overlapping (menu open too)',
    async (path) => {
      await tab.goto(`${site.server.url}${path}`);
      // Two layers a finger meets one at a time: the page, and the open menu over it (the page is inert then).
      const layers = [await controlBoxes(tab, false)];
      const menu = await tab.$('.sl-menu-button');
      if (menu && (await menu.isVisible())) {
        await menu.click();
        await tab.waitForFunction(() => document.querySelector('#starlight__sidebar')?.matches(':popover-open'));
        layers.push(await controlBoxes(tab, true));
        await menu.click();
      }
      const boxes = layers.flat();
      expect(boxes.length).toBeGreaterThan(5);
      const small = boxes
        .filter((box) => box.width < TARGET - 0.5 || box.height < TARGET - 0.5)
        .map((box) => `${box.label}: ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
      expect(small, 'controls smaller than 44×44 CSS px').toEqual([]);
      const clashes = layers.flatMap((layer) =>
        layer.flatMap((a, i) =>
          layer
            .slice(i + 1)
            .filter((b) => overlaps(a, b))
            .map((b) => `${a.label} / ${b.label}`),
        ),
      );
      expect(clashes, 'controls that overlap').toEqual([]);
    },
  );

  it.each(['', 'es/'])('shows the site title on /%s whole, never cut', async (path) => {
    await tab.goto(`${site.server.url}${path}getting-help-now/`);
    const title = await tab.evaluate(() => {
      const link = document.querySelector<HTMLElement>('.guide-site-title');
      const shown = [...(link?.querySelectorAll<HTMLElement>('span') ?? [])].find(
        (span) => span.getBoundingClientRect().width > 0,
      );
      const wrapper = link?.closest<HTMLElement>('.title-wrapper') ?? link?.parentElement;
      if (!shown || !wrapper) return undefined;
      return {
        text: shown.innerText,
        cut: shown.scrollWidth > shown.clientWidth + 1,
        right: shown.getBoundingClientRect().right,
        limit: wrapper.getBoundingClientRect().right,
      };
    });
    expect(title, 'a visible site title').toBeDefined();
    expect(title?.cut, `"${title?.text}" is cut inside its box`).toBe(false);
    expect(title?.right ?? Infinity, `"${title?.text}" runs past its header column`).toBeLessThanOrEqual(
      (title?.limit ?? 0) + 1,
    );
  });

  it('keeps link text contrast at 7:1 or more, and shows where focus is on the menu button', async () => {
    await tab.goto(`${site.server.url}is-it-right-for-me/`);
    const colours = await tab.evaluate(() => {
      const link = document.querySelector('.sl-markdown-content a[href]');
      const title = document.querySelector('.guide-site-title');
      const page = getComputedStyle(document.body).backgroundColor;
      return {
        link: link ? getComputedStyle(link).color : '',
        title: title ? getComputedStyle(title).color : '',
        page,
      };
    });
    if (device.theme === 'dark') {
      expect(contrastOf(colours.link, colours.page), `link ${colours.link} on ${colours.page}`).toBeGreaterThanOrEqual(
        7,
      );
      expect(
        contrastOf(colours.title, colours.page),
        `title ${colours.title} on ${colours.page}`,
      ).toBeGreaterThanOrEqual(7);
    } else {
      expect(contrastOf(colours.link, colours.page)).toBeGreaterThanOrEqual(4.5);
    }
    const menu = await tab.$('.sl-menu-button');
    if (!menu || !(await menu.isVisible())) return;
    const stops = await tabUntil(tab, (stop) => /menu/i.test(stop.label), 30);
    expect(stops.at(-1)?.label ?? '', 'Tab reaches the menu button').toMatch(/menu/i);
    const ring = await tab.evaluate(() => {
      const button = document.activeElement as HTMLElement;
      const style = getComputedStyle(button);
      return {
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        color: style.outlineColor,
        header: getComputedStyle(document.querySelector('header.header') ?? document.body).backgroundColor,
      };
    });
    expect(ring.style, 'the focused menu button has an outline').not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(
      contrastOf(ring.color, ring.header),
      `focus ring ${ring.color} on the header ${ring.header}`,
    ).toBeGreaterThanOrEqual(3);
  });
});
