import type { TextPart } from './inline-links.ts';

const placeholder = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders in a translated string. Each value is a run of
 * text, optionally a link, so a component can render "call {phone}" with the
 * number as a `tel:` link without `set:html`. Unknown placeholders are an error,
 * because a typo in a translation would otherwise print "{phone}" to patients.
 */
export function fillPlaceholders(template: string, values: Record<string, TextPart | string>): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    const name = match[1] ?? '';
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in "${template}"`);
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push(typeof value === 'string' ? { text: value } : value);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The same, as plain text. */
export function fillText(template: string, values: Record<string, string>): string {
  return fillPlaceholders(template, values)
    .map((part) => part.text)
    .join('');
}

/** The `tel:` link for a phone number as people write it: "(555) 123-4567" becomes "tel:5551234567". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
