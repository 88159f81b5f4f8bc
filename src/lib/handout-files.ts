/**
 * Where each handout PDF lives inside the handouts folder. The renderer writes
 * these paths and the site links to them, so both come from this one function.
 */

/** Paper sizes the handouts are printed on. */
export const PAPER_SIZES = ['letter', 'a4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** What a clinic can set as `paperSize` in clinic.config.ts: one paper, or both. */
export const PAPER_CHOICES = [...PAPER_SIZES, 'both'] as const;
export type PaperChoice = (typeof PAPER_CHOICES)[number];

/** The paper sizes a clinic's `paperSize` prints on, in the order they are linked: "both" is Letter, then A4. */
export function papersFor(choice: PaperChoice): PaperSize[] {
  return choice === 'both' ? [...PAPER_SIZES] : [choice];
}

/**
 * "standard" is the 12 pt handout; "large-print" sets the body at 18 pt; "sheet" is the
 * one-sheet summary (at most 2 pages, at the standard size only; see src/lib/sheet.ts).
 */
export const HANDOUT_KINDS = ['sheet', 'standard', 'large-print'] as const;
export type HandoutKind = (typeof HANDOUT_KINDS)[number];

/** The URL path segment of the PDF folder below the site's base path. */
export const HANDOUTS_DIR = 'handouts';

/** "letter/risks.pdf", "large-print/a4/risks.pdf", "one-sheet/a4/risks.pdf": relative to the handouts folder. */
export function handoutFile(slug: string, paper: PaperSize, kind: HandoutKind): string {
  if (kind === 'large-print') return `large-print/${paper}/${slug}.pdf`;
  if (kind === 'sheet') return `one-sheet/${paper}/${slug}.pdf`;
  return `${paper}/${slug}.pdf`;
}

/** The booklet's slug: "booklet", or "es-booklet" for the Spanish edition (like the handout slugs). */
export function bookletSlug(lang: string): string {
  return lang === 'en' ? 'booklet' : `${lang}-booklet`;
}

/** "booklet-letter.pdf", "es-booklet-a4.pdf": every handout of one language in one file. */
export function bookletFile(paper: PaperSize, lang: string): string {
  return `${bookletSlug(lang)}-${paper}.pdf`;
}

/** A packet's slug in the manifest: "packet-first-visit", or "es-packet-first-visit" (like the handout slugs). */
export function packetSlug(id: string, lang: string): string {
  return lang === 'en' ? `packet-${id}` : `${lang}-packet-${id}`;
}

/** The language of a packet's slug: "en" for "packet-first-visit", "es" for "es-packet-first-visit". */
export function packetLanguage(slug: string): string {
  return /^([a-z]{2})-packet-/.exec(slug)?.[1] ?? 'en';
}

/**
 * "packets/letter/first-visit.pdf", "packets/a4/es-first-visit.pdf",
 * "packets/large-print/letter/first-visit.pdf": one packet of one language on one paper.
 */
export function packetFile(id: string, paper: PaperSize, lang: string, kind: HandoutKind): string {
  const name = lang === 'en' ? id : `${lang}-${id}`;
  return kind === 'large-print' ? `packets/large-print/${paper}/${name}.pdf` : `packets/${paper}/${name}.pdf`;
}

/** The site page that lists every handout, below the base path (src/content/docs/printable-handouts.mdx). */
export const HANDOUT_LIST_PAGE = 'printable-handouts/';

/**
 * The Handouts page's table sits between these two markers in the built HTML.
 * The site build writes a placeholder there; `npm run pdf` replaces it with a
 * table made from the manifest (src/handouts/listing.ts).
 */
export const HANDOUT_TABLE_START = '<template data-handout-table-start></template>';
export const HANDOUT_TABLE_END = '<template data-handout-table-end></template>';
