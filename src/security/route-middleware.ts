/**
 * Starlight route middleware: author-written frontmatter reaches a page's
 * `<head>` as text, never as markup.
 *
 * Starlight writes each `<head>` entry with `set:html`, so a page title such as
 * `Risks </title><script>…` would otherwise end the `<title>` and start a
 * script. Here the title is escaped, and a page's own frontmatter `head` list
 * may only add harmless tags: no scripts, styles, frames, `<base>`,
 * `http-equiv` meta tags or `on…` event handlers.
 *
 * It also adds `<meta name="referrer" content="no-referrer">`, so a patient who
 * follows a link to a source does not tell that website which page of the guide
 * they were reading (public/_headers sends the same as a header, where hosts allow).
 *
 * Registered in astro.config.mjs (Starlight `routeMiddleware`); it runs after
 * every other middleware, so it sees the final head.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/** Escapes text for HTML element content. */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Tags a page's frontmatter `head` may add. */
const ALLOWED_FRONTMATTER_TAGS = new Set(['title', 'meta', 'link']);

interface HeadEntry {
  tag: string;
  attrs?: Record<string, string | boolean | undefined>;
  content?: string;
}

/** Why a frontmatter `head` entry is refused, or undefined when it is harmless. */
export function unsafeHeadEntry(entry: HeadEntry): string | undefined {
  if (!ALLOWED_FRONTMATTER_TAGS.has(entry.tag)) return `a <${entry.tag}> tag`;
  for (const [name, value] of Object.entries(entry.attrs ?? {})) {
    const attribute = name.toLowerCase();
    if (attribute.startsWith('on')) return `an event handler (${name})`;
    if (attribute === 'http-equiv') return 'an http-equiv meta tag';
    if (typeof value === 'string' && /^\s*(javascript|data|vbscript):/i.test(value))
      return `a ${value.split(':')[0]}: address in ${name}`;
  }
  if (entry.tag !== 'title' && entry.content) return `content inside <${entry.tag}>`;
  return undefined;
}

export const onRequest = defineRouteMiddleware(async (context, next) => {
  await next();
  const route = context.locals.starlightRoute;
  for (const entry of (route.entry.data.head ?? []) as HeadEntry[]) {
    const problem = unsafeHeadEntry(entry);
    if (problem) {
      throw new Error(
        `The page "${route.entry.id}" adds ${problem} in its frontmatter \`head\`. ` +
          'Pages may only add <title>, <meta> and <link> tags there; scripts and styles are not allowed.',
      );
    }
  }
  for (const entry of route.head) {
    if (entry.tag === 'title' && entry.content) entry.content = escapeText(entry.content);
  }
  route.head.push({ tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' }, content: '' });
});
