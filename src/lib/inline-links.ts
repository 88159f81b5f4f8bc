/** A run of text, optionally a link. */
export interface TextPart {
  text: string;
  /** Present when this run is a link. */
  href?: string;
}

const markdownLink = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/**
 * Splits short frontmatter text (such as a page summary) into plain runs and
 * Markdown links, so a component can render links without `set:html`: every
 * other character stays plain text.
 */
export function splitInlineLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(markdownLink)) {
    const [whole, label, href] = match;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: label ?? '', href });
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
