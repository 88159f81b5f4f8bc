import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import { openSite, type SiteSession } from '../support/site.ts';

const siteDir = inject('siteDir');

/** The pages that carry the "When to get help" list, in both editions, and the words each group must start with. */
const pages = [
  {
    path: 'risks-and-side-effects/',
    headings: [
      `Call ${clinic.emergencyNumber} now`,
      `Call or text ${clinic.crisisLine}`,
      `Call ${clinic.name}`,
      'Expected, and passes',
    ],
    options: 'Press 1 for the Veterans Crisis Line',
  },
  {
    path: 'after-your-session/',
    headings: [
      `Call ${clinic.emergencyNumber} now`,
      `Call or text ${clinic.crisisLine}`,
      `Call ${clinic.name}`,
      'Expected, and passes',
    ],
    options: 'Press 1 for the Veterans Crisis Line',
  },
  {
    path: 'es/risks-and-side-effects/',
    headings: [
      `Llame al ${clinic.emergencyNumber} ahora`,
      `Llame o envíe un mensaje de texto al ${clinic.crisisLine}`,
      `Llame a ${clinic.name}`,
      'Es de esperar, y se pasa',
    ],
    options: 'Marque 1 para la Línea de Crisis para Veteranos',
  },
  {
    path: 'es/after-your-session/',
    headings: [
      `Llame al ${clinic.emergencyNumber} ahora`,
      `Llame o envíe un mensaje de texto al ${clinic.crisisLine}`,
      `Llame a ${clinic.name}`,
      'Es de esperar, y se pasa',
    ],
    options: 'Marque 1 para la Línea de Crisis para Veteranos',
  },
];

interface Group {
  heading: string;
  items: number;
  labelledBy: boolean;
  decorativeIcons: boolean;
  text: string;
  border: string;
}

let site: SiteSession;
beforeAll(async () => {
  site = await openSite(siteDir);
});
afterAll(async () => {
  await site?.close();
});

describe('"When to get help" (WhenToGetHelp.astro)', () => {
  it.each(pages)(
    '$path: four groups, each a heading and a real list, meaning in words not colour',
    async ({ path, headings, options }) => {
      const tab = await site.browser.newPage();
      try {
        for (const media of ['screen', 'print'] as const) {
          await tab.emulateMediaType(media);
          await tab.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
          const groups: Group[] = await tab.$$eval('.when-help > section', (sections) =>
            sections.map((section) => {
              const heading = section.querySelector('h3');
              return {
                heading: heading?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
                items: section.querySelectorAll('ul > li').length,
                labelledBy: section.getAttribute('aria-labelledby') === heading?.id,
                decorativeIcons: [...section.querySelectorAll('svg')].every(
                  (svg) => svg.getAttribute('aria-hidden') === 'true',
                ),
                text: section.textContent ?? '',
                border: `${getComputedStyle(section).borderTopStyle} ${getComputedStyle(section).borderTopWidth}`,
              };
            }),
          );
          expect(groups.map((group) => group.heading.slice(0, headings[groups.indexOf(group)]?.length))).toEqual(
            headings,
          );
          for (const group of groups) {
            expect(group.items, `${path} ${group.heading}`).toBeGreaterThan(0);
            expect(group.labelledBy, `${path} ${group.heading} is labelled by its heading`).toBe(true);
            expect(group.decorativeIcons, `${path} ${group.heading}: icons are hidden from screen readers`).toBe(true);
          }
          expect(groups[1]?.text).toContain(options);
          // Told apart without colour: no two groups share the same border style and width.
          expect(new Set(groups.map((group) => group.border)).size, `${path} (${media})`).toBe(groups.length);
        }
      } finally {
        await tab.close();
      }
    },
  );
});
