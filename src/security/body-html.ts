/**
 * A build check on page bodies (Markdown and MDX, every language): HTML that could run
 * script, redirect the page, change its policies or send a patient's input elsewhere
 * fails the build, naming the file and line. A `<meta http-equiv="refresh">` in one page
 * once redirected the site; a `<meta name="referrer">` overrode the no-referrer policy;
 * a `[link](javascript:…)` was written out as it was.
 *
 * Checked: the tags in FORBIDDEN_TAGS, any `on…` event attribute, and `javascript:`,
 * `file:` and `data:` addresses in link, image and form attributes. Raw HTML in Markdown
 * reaches the page as written, so it is read here as text: entities are decoded first,
 * as the browser would (`jav&#97;script:`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { addHastPlugin } from '../integrations/satteri.ts';

export const FORBIDDEN_TAGS = ['script', 'iframe', 'object', 'embed', 'meta', 'base', 'form'] as const;
const FORBIDDEN_SCHEMES = ['javascript:', 'file:', 'data:'];
/** Attributes (HTML, hast and JSX spellings, lower-cased) whose value is an address. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'xlinkhref',
  'poster',
  'data',
  'cite',
  'background',
]);

/** One finding: a line of the page and what is wrong there. */
export interface BodyHtmlProblem {
  line: number;
  message: string;
}

/** The browser's reading of an attribute value: entities decoded, spaces and control characters gone. */
export function normalizeAddress(value: string): string {
  const named: Record<string, string> = { colon: ':', tab: '', newline: '', amp: '&', lpar: '(', rpar: ')' };
  return (
    value
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
      .replace(/&([a-z]+);/gi, (whole, name: string) => named[name.toLowerCase()] ?? whole)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these inside a URL scheme, so the check must too.
      .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
      .toLowerCase()
  );
}

/** What is wrong with one tag and its attributes, if anything. */
export function tagProblems(tag: string, attributes: Array<[name: string, value: unknown]>): string[] {
  const problems: string[] = [];
  const name = tag.toLowerCase();
  if ((FORBIDDEN_TAGS as readonly string[]).includes(name)) problems.push(`<${name}> is not allowed in a page body`);
  for (const [attribute, value] of attributes) {
    const key = attribute.toLowerCase();
    if (/^on[a-z]/.test(key))
      problems.push(`the event attribute ${attribute} on <${tag}> is not allowed (it runs script)`);
    if (!URL_ATTRIBUTES.has(key)) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) {
      if (typeof one !== 'string') continue;
      const scheme = FORBIDDEN_SCHEMES.find((s) => normalizeAddress(one).startsWith(s));
      if (scheme)
        problems.push(
          `a ${scheme} address in ${attribute} on <${tag}> is not allowed (use a https: link or a file in the site)`,
        );
    }
  }
  return problems;
}

const TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** Problems in a piece of raw HTML, with lines counted from `firstLine`. */
export function rawHtmlProblems(html: string, firstLine: number): BodyHtmlProblem[] {
  const problems: BodyHtmlProblem[] = [];
  for (const match of html.matchAll(TAG)) {
    const attributes: Array<[string, string]> = [...(match[2] ?? '').matchAll(ATTRIBUTE)].map((a) => [
      a[1] ?? '',
      (a[2] ?? '').replace(/^["']|["']$/g, ''),
    ]);
    const line = firstLine + (html.slice(0, match.index).match(/\n/g)?.length ?? 0);
    for (const message of tagProblems(match[1] ?? '', attributes)) problems.push({ line, message });
  }
  return problems;
}

interface Positioned {
  position?: { start: { line: number } } | undefined;
}
interface ElementNode extends Positioned {
  tagName: string;
  properties?: Record<string, unknown>;
}
interface JsxNode extends Positioned {
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
}
interface RawNode extends Positioned {
  value: string;
}
interface FileContext {
  fileURL: URL | undefined;
  source: string;
}

/**
 * Lines before `body` in its file: content loaders hand the processor the body without its
 * frontmatter, so the parser's line 1 is a later line of the file.
 */
function linesBefore(ctx: FileContext): number {
  if (!ctx.fileURL) return 0;
  try {
    const file = readFileSync(ctx.fileURL, 'utf8');
    const start = file.indexOf(ctx.source);
    return start > 0 ? (file.slice(0, start).match(/\n/g)?.length ?? 0) : 0;
  } catch {
    return 0;
  }
}

/**
 * Everything found in one page, reported at once when the page is done: thrown, and passed
 * to `onError`, because Astro's content loader logs a page's render error without failing the build.
 */
export function bodyHtmlPlugin(onError: (error: BodyHtmlError) => void = () => undefined) {
  const found = new Map<string, BodyHtmlProblem[]>();
  const note = (ctx: FileContext, line: number | undefined, messages: string[]): void => {
    const file = ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'a page';
    const list = found.get(file) ?? [];
    for (const message of messages) list.push({ line: line ?? 0, message });
    found.set(file, list);
  };
  const jsx = {
    filter: [] as string[],
    visit(node: Readonly<JsxNode>, ctx: FileContext) {
      // Capitalised names are components (reviewed as code, like the whole .mdx file); lower-case ones are HTML.
      if (!node.name || /^[A-Z]/.test(node.name)) return;
      const attributes = node.attributes
        .filter((a) => a.type === 'mdxJsxAttribute')
        .map((a): [string, unknown] => [a.name ?? '', a.value]);
      note(ctx, node.position?.start.line, tagProblems(node.name, attributes));
    },
  };
  return {
    name: 'guide-body-html',
    options: { position: true },
    element: {
      filter: [] as string[],
      visit(node: Readonly<ElementNode>, ctx: FileContext) {
        note(ctx, node.position?.start.line, tagProblems(node.tagName, Object.entries(node.properties ?? {})));
      },
    },
    raw(node: Readonly<RawNode>, ctx: FileContext) {
      for (const problem of rawHtmlProblems(node.value, node.position?.start.line ?? 0))
        note(ctx, problem.line, [problem.message]);
    },
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
    after(_root: unknown, ctx: FileContext) {
      const file = ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'a page';
      const problems = found.get(file);
      found.delete(file);
      if (!problems || problems.length === 0) return;
      const offset = linesBefore(ctx);
      const error = new BodyHtmlError(
        file,
        problems.map((p) => ({ ...p, line: p.line + offset })),
      );
      onError(error);
      throw error;
    },
  };
}

/** The build error: every problem of one page, each with its file and line. */
export class BodyHtmlError extends Error {
  override name = 'BodyHtmlError';
  constructor(file: string, problems: BodyHtmlProblem[]) {
    super(
      [
        `${file} has HTML that is not allowed in a page body:`,
        ...problems.map((p) => `  ${file}:${p.line}: ${p.message}`),
        'Page bodies are text, links and images: remove these, or ask a developer to add what you need as a component.',
      ].join('\n'),
    );
  }
}

/** Astro integration: runs the check on every Markdown and MDX page of the build, and fails the build on a finding. */
export default function guideBodyHtmlCheck(): AstroIntegration {
  const errors: BodyHtmlError[] = [];
  const failOnFindings = (): void => {
    if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('\n'));
  };
  return {
    name: 'guide-body-html',
    hooks: {
      'astro:config:setup': ({ config }) =>
        addHastPlugin(
          config,
          bodyHtmlPlugin((error) => errors.push(error)),
        ),
      'astro:build:start': failOnFindings,
      'astro:build:done': failOnFindings,
    },
  };
}
