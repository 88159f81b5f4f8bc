/**
 * The security headers of `public/_headers`, read the way hosts such as Netlify and
 * Cloudflare Pages read that file, so the kiosk server (`npm run serve`) sends exactly
 * what a host would: the file stays the one place these headers are written.
 */
import { readFile } from 'node:fs/promises';

/** Headers for the URL paths one rule matches, in file order. */
export interface HeaderRule {
  /** The path line as written, e.g. "/*" or "/handouts/*". */
  path: string;
  matches: (urlPath: string) => boolean;
  headers: Array<[name: string, value: string]>;
}

/** A `_headers` path pattern as a test: `*` matches anything, `:name` one path segment. */
function pathMatcher(pattern: string): (urlPath: string) => boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const expression = new RegExp(`^${source}$`);
  return (urlPath) => expression.test(urlPath);
}

/**
 * The rules of a `_headers` file: a path line (not indented), then its headers as
 * indented `Name: value` lines; `#` starts a comment. `file` names the file in errors.
 */
export function parseHeaderRules(text: string, file = '_headers'): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const path = line.trim();
      if (!path.startsWith('/'))
        throw new Error(`${file}:${index + 1}: a path line must start with "/", not "${path}".`);
      rules.push({ path, matches: pathMatcher(path), headers: [] });
      return;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon <= 0)
      throw new Error(
        `${file}:${index + 1}: expected an indented "Name: value" line under a path line, found "${line.trim()}".`,
      );
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return rules;
}

/** Every header the rules set for `urlPath` (a path from the site root, e.g. "/glossary/"); later rules win. */
export function headersFor(rules: HeaderRule[], urlPath: string): Array<[string, string]> {
  const merged = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!rule.matches(urlPath)) continue;
    for (const [name, value] of rule.headers) merged.set(name.toLowerCase(), [name, value]);
  }
  return [...merged.values()];
}

/** The rules of the `_headers` file at `file`, with an error that says how to get one. */
export async function loadHeaderRules(file: string): Promise<HeaderRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `No security headers file at ${file}: the build copies public/_headers there. Run "npm run build" again.`,
    );
  }
  return parseHeaderRules(text, file);
}
