/**
 * One-sheet summaries: what a page's sheet shows is marked in the built page itself,
 * so the sheet and the page can never disagree. The author names sections of the page
 * in the `sheet` frontmatter field; the build wraps each one in an element carrying
 * `data-sheet="point"` (markSheetPoints), and the shared parts every sheet shows (the
 * review line, "What to know", the help box, the clinic's contact, the Read-more code)
 * carry `data-sheet` too. The sheet look is switched on by SHEET_KIND_ATTRIBUTE on an
 * ancestor of the page content: the renderer puts it on `<html>` for a single sheet,
 * a multi-handout document on each handout's wrapper. Every sheet rule in
 * src/styles/print.css is scoped under it.
 */

/** The attribute on an ancestor of the page content that turns the sheet look on. */
export const SHEET_KIND_ATTRIBUTE = 'data-handout-kind';
/** Its value for a one-sheet summary. */
export const SHEET_KIND_VALUE = 'sheet';
/** The CSS selector of that ancestor: `[data-handout-kind="sheet"]`. */
export const SHEET_SCOPE = `[${SHEET_KIND_ATTRIBUTE}="${SHEET_KIND_VALUE}"]`;

/** The attribute that marks an element of the page content as shown on the sheet. */
export const SHEET_PART_ATTRIBUTE = 'data-sheet';
/** What each marked part is: its value of SHEET_PART_ATTRIBUTE. */
export type SheetPart = 'review' | 'summary' | 'point' | 'help' | 'contact' | 'read-more';

/** The frontmatter field where authors list the sections a sheet shows. */
export const SHEET_FIELD = 'sheet';

/** Sheets may take one sheet of paper printed on both sides. */
export const SHEET_MAX_PAGES = 2;

/** A Markdown heading as Starlight renders it: `<div class="sl-heading-wrapper level-h2"><h2 id="…">`. */
const HEADING = /<div class="sl-heading-wrapper level-h([2-4])"[^>]*>\s*<h\1 id="([^"]+)"/g;

export interface PageSection {
  id: string;
  level: number;
  /** Where the section's heading starts in the HTML. */
  start: number;
  /** Where the next heading of the same or a higher level starts (or the end of the HTML). */
  end: number;
}

/** The sections of a page body's HTML, one per Markdown heading (h2 to h4), in page order. */
export function pageSections(html: string): PageSection[] {
  const headings = [...html.matchAll(HEADING)].map((match) => ({
    id: match[2] ?? '',
    level: Number(match[1]),
    start: match.index,
  }));
  return headings.map((heading, i) => {
    const next = headings.slice(i + 1).find((other) => other.level <= heading.level);
    return { ...heading, end: next?.start ?? html.length };
  });
}

/** A `sheet` entry that names no section of its page: the build stops with the valid choices. */
export class SheetChoiceError extends Error {
  override name = 'SheetChoiceError';
}

/**
 * Wraps each section named in `points` (heading ids, as in the page's `#anchors`) in an
 * element marked `data-sheet="point"`. A section inside another chosen one is already on
 * the sheet. `file` names the page in the error an unknown id raises.
 */
export function markSheetPoints(html: string, points: readonly string[], file: string): string {
  const sections = pageSections(html);
  const unknown = points.filter((id) => !sections.some((section) => section.id === id));
  if (unknown.length > 0) {
    const valid = sections.map((section) => section.id);
    throw new SheetChoiceError(
      `${file}: \`${SHEET_FIELD}\` names ${unknown.map((id) => `"${id}"`).join(', ')}, which ${unknown.length > 1 ? 'are not sections' : 'is not a section'} of this page. ` +
        `Valid choices (the ids of its headings): ${valid.length > 0 ? valid.join(', ') : 'none: the page has no headings'}. Fix the \`${SHEET_FIELD}\` list in its frontmatter.`,
    );
  }
  const chosen = sections
    .filter((section) => points.includes(section.id))
    .filter(
      (section, i, all) => !all.slice(0, i).some((outer) => outer.start < section.start && section.end <= outer.end),
    );
  let out = '';
  let at = 0;
  for (const section of chosen) {
    out += `${html.slice(at, section.start)}<div class="sheet-point" ${SHEET_PART_ATTRIBUTE}="point">${html.slice(section.start, section.end)}</div>`;
    at = section.end;
  }
  return out + html.slice(at);
}

/** "guide.example.org/risks/": a page's address as printed under the code, without "https://". */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
