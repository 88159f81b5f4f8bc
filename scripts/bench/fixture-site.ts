/**
 * Writes a tiny "built site" straight to disk, in the shape `npm run pdf` reads
 * (handout-pages.json, in the shape of its contract, plus one index.html per page),
 * without running Astro.
 * Used by the memory benchmark (scripts/bench/memory.ts) and by the stress and
 * fault-injection tests, which need many pages, or pages that misbehave, fast.
 *
 * Kinds of page:
 * - normal: a heading and a few paragraphs inside `.sl-markdown-content`, with a
 *   marker word ("fixture-17-marker") a test can find in the PDF text.
 * - never settles: the same, plus a stylesheet that keeps importing itself from the
 *   local server, so the page never fires `load` (it behaves like a page with a
 *   request that never finishes, without needing a server or a script of its own).
 * - no content: a page with no `.sl-markdown-content` at all.
 * - calls outside: normal content, plus every kind of request to another origin.
 * - long sheet: a page whose one-sheet summary (every part marked `data-sheet`) is
 *   about `paragraphs` paragraphs long: too long for one sheet.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  HANDOUT_INDEX_FILE,
  handoutLabelsFrom,
  serializeHandoutIndex,
  type HandoutIndex,
} from '../../src/contracts/handout-index.ts';
import type { GuideStringKey } from '../../src/schemas/i18n.ts';
import { DEFAULT_KEYWORDS } from '../../src/lib/clinic-config.ts';

/** The guide's own English dictionary: the fixture's handouts carry the same words as the real ones. */
const ENGLISH_DICTIONARY = new URL('../../src/content/i18n/en.json', import.meta.url);

export interface FixtureSiteOptions {
  /** How many normal pages. */
  pages: number;
  /** Slugs of extra pages that never finish loading. */
  neverSettles?: string[];
  /** Slugs of extra pages that have no handout content. */
  noContent?: string[];
  /** Extra pages that try to load an image, a stylesheet, a font, a script and a fetch from `origin`. */
  callsOutside?: {
    slugs: string[];
    origin: string /** More HTML for those pages, e.g. scripts that open WebSockets. */;
    extraHtml?: string;
  };
  /** Extra pages whose one-sheet summary is `paragraphs` marked paragraphs long. */
  longSheet?: { slugs: string[]; paragraphs: number };
}

export interface FixturePage {
  slug: string;
  title: string;
  /** A word that appears once in the page and so in its PDF. */
  marker: string;
}

export function fixtureSlug(index: number): string {
  return `fixture-${String(index).padStart(3, '0')}`;
}

const STYLE = 'body{font:12pt/1.5 sans-serif;margin:0;color:#111}h1{font-size:20pt}';

function pageHtml(title: string, body: string, extra = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body><main>${body}</main>${extra}</body>
</html>
`;
}

function contentHtml(page: FixturePage): string {
  const paragraph = `This is ${page.title}, a generated page for testing the handout renderer. Its marker word is ${page.marker}.`;
  return `<div class="sl-markdown-content"><h1>${page.title}</h1><p>${paragraph}</p><p>It has a short second paragraph, so each handout holds a little real text.</p></div>`;
}

/** A page all of whose content is on its one-sheet summary (src/lib/sheet.ts), `paragraphs` paragraphs long. */
function longSheetHtml(title: string, paragraphs: number): string {
  const paragraph = (n: number): string =>
    `<p>Paragraph ${n} of a one-sheet summary that is far too long for one sheet of paper, printed on both sides.</p>`;
  const points = Array.from({ length: paragraphs }, (_, i) => paragraph(i + 1)).join('');
  return `<div class="sl-markdown-content"><h1>${title}</h1><div data-sheet="point">${points}</div></div>`;
}

/**
 * A stylesheet that imports itself under a new address each time ("a//b.css", "a///b.css"...,
 * which the server maps to the same file): a page that never reaches `load`, without a script,
 * since print tabs run none.
 */
const NEVER_SETTLES = '<link rel="stylesheet" href="/never-settles/import.css">';
const NEVER_SETTLES_CSS = '@import url(".//import.css");\n';

/** Asks `origin` for every kind of resource a page can load. */
function outsideCalls(origin: string): string {
  return `<link rel="stylesheet" href="${origin}/style.css">
<style>@font-face{font-family:Outside;src:url(${origin}/font.woff2)}p{font-family:Outside,sans-serif}</style>
<img alt="" src="${origin}/image.png">
<script src="${origin}/script.js"></script>
<script>fetch('${origin}/beacon?page=' + location.pathname).catch(() => undefined);</script>`;
}

/**
 * Writes the site into `dir` and returns its normal pages. Files already there
 * stay (a test can grow a site that has handouts); the page list is replaced.
 */
export async function writeFixtureSite(dir: string, options: FixtureSiteOptions): Promise<FixturePage[]> {
  await mkdir(dir, { recursive: true });
  const pages: FixturePage[] = Array.from({ length: options.pages }, (_, i) => {
    const slug = fixtureSlug(i + 1);
    return { slug, title: `Fixture page ${i + 1}`, marker: `${slug}-marker` };
  });
  const listed: Array<{ slug: string; title: string; extra: string; body: string }> = [
    ...pages.map((page) => ({ slug: page.slug, title: page.title, body: contentHtml(page), extra: '' })),
    ...(options.neverSettles ?? []).map((slug) => ({
      slug,
      title: `Never settles ${slug}`,
      body: contentHtml({ slug, title: `Never settles ${slug}`, marker: `${slug}-marker` }),
      extra: NEVER_SETTLES,
    })),
    ...(options.noContent ?? []).map((slug) => ({
      slug,
      title: `No content ${slug}`,
      body: '<p>Nothing to print here.</p>',
      extra: '',
    })),
    ...(options.callsOutside?.slugs ?? []).map((slug) => ({
      slug,
      title: `Calls outside ${slug}`,
      body: contentHtml({ slug, title: `Calls outside ${slug}`, marker: `${slug}-marker` }),
      extra: outsideCalls(options.callsOutside?.origin ?? '') + (options.callsOutside?.extraHtml ?? ''),
    })),
    ...(options.longSheet?.slugs ?? []).map((slug) => ({
      slug,
      title: `Long sheet ${slug}`,
      body: longSheetHtml(`Long sheet ${slug}`, options.longSheet?.paragraphs ?? 0),
      extra: '',
    })),
  ];
  for (const page of listed) {
    await mkdir(join(dir, page.slug), { recursive: true });
    await writeFile(join(dir, page.slug, 'index.html'), pageHtml(page.title, page.body, page.extra));
  }
  await mkdir(join(dir, 'never-settles'), { recursive: true });
  await writeFile(join(dir, 'never-settles/import.css'), NEVER_SETTLES_CSS);
  await writeFile(join(dir, 'pixel.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
  await writeFile(join(dir, '404.html'), pageHtml('Not found', '<p>Not found</p>'));
  const words = JSON.parse(await readFile(ENGLISH_DICTIONARY, 'utf8')) as Record<GuideStringKey, string>;
  // The real contract's shape, checked by its schema as the site build does (src/contracts/handout-index.ts).
  const index: HandoutIndex = {
    site: 'https://guide.example.org',
    base: '/',
    pages: listed.map((page, i) => ({
      slug: page.slug,
      lang: 'en',
      title: page.title,
      path: `/${page.slug}/`,
      review: { line: words['guide.review.unreviewed'], notice: true },
      order: i + 1,
      source: `fixture/${page.slug}.md`,
    })),
    labels: { en: handoutLabelsFrom((key) => words[key], DEFAULT_KEYWORDS.en) },
  };
  await writeFile(join(dir, HANDOUT_INDEX_FILE), serializeHandoutIndex(index));
  return pages;
}
