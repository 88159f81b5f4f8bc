/**
 * Astro integration: content is written with site-root links ("/glossary/#rems"), as
 * if the guide lived at the root of its domain. When the site is built for a sub-path
 * (Astro `base`, e.g. "/patient-guide/"), this adds the base path to those links and
 * image sources in every Markdown and MDX page.
 *
 * Astro 7 renders Markdown with Sätteri, so this is a Sätteri hast plugin (rehype
 * plugins would need the optional unified pipeline); it is added the same way
 * Starlight adds its own, in `astro:config:setup`.
 */
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/base-path.ts';

/** The parts of Sätteri's hast plugin API this plugin uses. */
interface SatteriElement {
  tagName: string;
  properties?: Record<string, unknown>;
}
interface SatteriHastPlugin {
  name: string;
  element: {
    filter: string[];
    visit: (node: Readonly<SatteriElement>, ctx: { setProperty: (node: Readonly<SatteriElement>, key: string, value: unknown) => void }) => void;
  };
}
interface SatteriProcessor {
  name: string;
  options: { hastPlugins: unknown[] };
}

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
        if (config.base === '/' || config.base === '') return;
        const processor = config.markdown.processor as unknown as SatteriProcessor;
        if (processor.name !== 'satteri') {
          throw new Error(
            `guide-base-links: the site is built for the sub-path "${config.base}", but the Markdown processor is ` +
              `"${processor.name}", which this integration cannot extend. Use Astro's default (Sätteri).`,
          );
        }
        processor.options.hastPlugins.push(baseLinksPlugin(config.base));
      },
    },
  };
}
