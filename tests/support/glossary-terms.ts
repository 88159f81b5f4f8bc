import { stripComponentTags } from './prose';

/**
 * Glossary terms that must be linked where a page first uses them, with the
 * pattern that finds the term in English text. The glossary may hold more
 * terms; these are the ones a worried reader most needs explained.
 */
export const linkedTerms: readonly { id: string; pattern: RegExp }[] = [
  { id: 'dissociation', pattern: /\bdissociation\b/i },
  { id: 'off-label', pattern: /\boff-label\b/i },
  { id: 'rems', pattern: /\bREMS\b/ },
  { id: 'schedule-iii', pattern: /\bSchedule III\b/ },
  { id: 'treatment-resistant-depression', pattern: /\btreatment-resistant depression\b/i },
  { id: 'placebo', pattern: /\bplacebo\b/i },
  { id: 'remission', pattern: /\bremission\b/i },
  { id: 'nmda-receptor', pattern: /\bNMDA\b/ },
  { id: 'telehealth', pattern: /\btelehealth\b/i },
  { id: 'compounded-medicine', pattern: /\bcompounded\b/i },
  { id: 'integration', pattern: /\bintegration\b/i },
];

/**
 * The body text a reader meets in order, without headings (links in headings
 * are poor practice), component tags (their props are data) and links to
 * other pages.
 */
function readableBody(body: string): string {
  return (
    stripComponentTags(body)
      .replace(/^(import|export)\s[^\n]*$/gm, '')
      .replace(/^#{1,6}\s[^\n]*$/gm, '')
      // A page title inside a link to that page ("Ketamine-assisted psychotherapy and integration") is not a use of the term.
      .replace(/\[[^\]]*\]\((?!\/glossary\/)[^)]*\)/g, '')
  );
}

/** Glossary terms whose first use in the body is not a link to their glossary entry. */
export function unlinkedFirstUses(body: string): string[] {
  const text = readableBody(body);
  return linkedTerms
    .filter(({ id, pattern }) => {
      const first = pattern.exec(text);
      if (!first) return false;
      const links = [...text.matchAll(new RegExp(`\\[[^\\]]*\\]\\(/glossary/#${id}\\)`, 'g'))];
      return !links.some((link) => first.index >= link.index && first.index < link.index + link[0].length);
    })
    .map(({ id }) => id);
}
