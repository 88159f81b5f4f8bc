/** A run of text, optionally a link. */
export interface TextPart {
  text: string;
  /** Present when this run is a link. */
  href?: string;
}

const markdownLink = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Schemes a link in frontmatter text may use; anything else (`javascript:`, `data:`) stays text. */
const safeSchemes = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Whether `href` is a relative link or uses a safe scheme. Control characters are
 * refused outright, since browsers drop them ("\x01javascript:" runs as "javascript:").
 */
export function isSafeHref(href: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses.
  if (/[\u0000-\u001f\u007f]/.test(href)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1];
  return scheme === undefined || safeSchemes.has(scheme.toLowerCase());
}

/**
 * Splits short frontmatter text (such as a page summary) into plain runs and
 * Markdown links, so a component can render links without `set:html`: every
 * other character stays plain text. A link to an unsafe address (`javascript:`)
 * is kept as plain text, exactly as written.
 */
export function splitInlineLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(markdownLink)) {
    const [whole, label, href] = match;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    if (href !== undefined && isSafeHref(href)) parts.push({ text: label ?? '', href });
    else parts.push({ text: whole });
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
