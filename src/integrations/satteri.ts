/**
 * The small part of Sätteri's hast plugin API (Astro 7's default Markdown processor)
 * the guide's plugins use, and the one way they are added: in `astro:config:setup`,
 * the same way Starlight adds its own. Rehype plugins would need the optional unified
 * pipeline instead.
 */
import type { AstroConfig } from 'astro';

export interface SatteriElement {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
}

export interface SatteriContext {
  setProperty: (node: Readonly<SatteriElement>, key: string, value: unknown) => void;
  parent: (
    node: Readonly<SatteriElement>,
  ) => Readonly<{ type: string; tagName?: string; properties?: Record<string, unknown> }> | undefined;
}

export interface SatteriHastPlugin {
  name: string;
  element: { filter: string[]; visit: (node: Readonly<SatteriElement>, ctx: SatteriContext) => void };
}

interface SatteriProcessor {
  name: string;
  options: { hastPlugins: unknown[] };
}

/** Adds `plugin` to the Markdown and MDX pipeline, or explains why it cannot. */
export function addHastPlugin(
  config: AstroConfig,
  plugin: SatteriHastPlugin | { name: string; options?: { position?: boolean } },
): void {
  const processor = config.markdown.processor as unknown as SatteriProcessor;
  if (processor.name !== 'satteri') {
    throw new Error(
      `${plugin.name}: the Markdown processor is "${processor.name}", which this plugin cannot extend. ` +
        "Use Astro's default (Sätteri).",
    );
  }
  processor.options.hastPlugins.push(plugin);
}
