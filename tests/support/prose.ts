/**
 * Turns a page body (Markdown or MDX) into the prose a reader reads, for
 * readability scoring. Language-neutral, so the Spanish gate can reuse it.
 *
 * Skipped: frontmatter (pass the body only), import/export lines, code, MDX
 * component tags and JS expressions, HTML tags, tables, images, link targets.
 * Kept: paragraphs, headings and list items, each ending a sentence, because a
 * reader reads a heading or a bullet as a unit even without a full stop.
 */
export function extractProse(body: string): string {
  const withoutBlocks = stripComponentTags(
    body
      .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
      .replace(/^(import|export)\s[^\n]*$/gm, ''),
  );

  const paragraphs: string[] = [];
  let current: string[] = [];
  const endParagraph = (): void => {
    if (current.length > 0) paragraphs.push(endSentence(current.join(' ')));
    current = [];
  };

  for (const rawLine of withoutBlocks.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('|') || line.startsWith(':::')) {
      endParagraph();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const listItem = /^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    if (heading || listItem) {
      endParagraph();
      current.push((heading ?? listItem)?.[1] ?? '');
      endParagraph();
      continue;
    }
    current.push(line.replace(/^>\s?/, ''));
  }
  endParagraph();

  return paragraphs
    .map(stripInlineMarkup)
    .filter((text) => /[\p{L}\p{N}]/u.test(text))
    .join('\n\n');
}

/** Inline Markdown and HTML down to plain words. */
export function stripInlineMarkup(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`[^`]*`/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\{[^{}]*\}/g, '')
    .replace(/(\*\*|__|\*|_)(\S[\s\S]*?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function endSentence(text: string): string {
  const trimmed = text.trim().replace(/:$/, '');
  return /[.!?]["')\]]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Removes MDX component tags (`<SessionTimeline ... />`, `<Aside>`, `</Aside>`)
 * including attributes that span lines and hold JS objects; the children of a
 * paired tag stay, since they are prose the reader sees.
 */
export function stripComponentTags(source: string): string {
  let output = '';
  let index = 0;
  while (index < source.length) {
    const isComponent = source[index] === '<' && /^<\/?[A-Z]/.test(source.slice(index, index + 3));
    if (!isComponent) {
      output += source[index];
      index += 1;
      continue;
    }
    index = endOfTag(source, index);
  }
  return output;
}

/** Index just past the `>` that closes the tag starting at `start`, skipping quoted and braced text. */
function endOfTag(source: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = start + 1; index < source.length; index += 1) {
    const char = source[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (char === '>' && depth === 0) return index + 1;
  }
  return source.length;
}
