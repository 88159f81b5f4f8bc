/**
 * Astro integration: content is written with site-root links ("/glossary/#rems"), as
 * if the guide lived at the root of its domain. When the site is built for a sub-path
 * (Astro `base`, e.g. "/patient-guide/"), this adds the base path to those links and
 * image sources in every Markdown and MDX page.
 */
import type { AstroIntegration } from 'astro';
import { normalizeBase, withBase } from '../lib/base-path.ts';
import { addHastPlugin, type SatteriHastPlugin } from './satteri.ts';

const URL_ATTRIBUTES: Record<string, string> = { a: 'href', img: 'src' };

/** The Sätteri plugin that puts `base` in front of site-root links and image sources. */
export function baseLinksPlugin(base: string): SatteriHastPlugin {
  return {
    name: 'guide-base-links',
    element: {
      filter: Object.keys(URL_ATTRIBUTES),
      visit(node, ctx) {
        const attribute = URL_ATTRIBUTES[node.tagName];
        const value = attribute ? node.properties?.[attribute] : undefined;
        if (attribute && typeof value === 'string' && withBase(value, base) !== value) {
          ctx.setProperty(node, attribute, withBase(value, base));
        }
      },
    },
  };
}

export default function guideBaseLinks(): AstroIntegration {
  return {
    name: 'guide-base-links',
    hooks: {
      'astro:config:setup': ({ config }) => {
        if (normalizeBase(config.base) !== '/') addHastPlugin(config, baseLinksPlugin(config.base));
      },
    },
  };
}
