/**
 * Every link and file reference in a built site that points inside it, checked against
 * the files on disk (tests/e2e/links.test.ts, tests/e2e/lakeside.test.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { builtPagePaths } from './built-pages.ts';
import { readHandoutIndex } from './site.ts';

/** Every href/src/srcset URL in a page that points inside the site (not tel:, mailto:, another host or a bare #anchor). */
function internalUrls(html: string, pageUrl: URL): URL[] {
  const values = [
    ...[...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? ''),
    ...[...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((match) =>
      (match[1] ?? '').split(',').map((part) => part.trim().split(/\s+/)[0] ?? ''),
    ),
  ];
  return values
    .map((value) => value.replaceAll('&amp;', '&'))
    .filter((value) => value !== '' && !value.startsWith('#') && !/^(tel|mailto|data|javascript):/.test(value))
    .map((value) => new URL(value, pageUrl))
    .filter((url) => url.origin === pageUrl.origin);
}

/** The file a URL path is served from, or undefined when it is outside the base path. */
function fileFor(siteDir: string, base: string, pathname: string): string | undefined {
  const path = decodeURIComponent(pathname);
  if (!path.startsWith(base)) return undefined;
  const inside = path.slice(base.length);
  return join(siteDir, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
}

export async function brokenLinks(siteDir: string): Promise<{ checked: number; pdfs: number; broken: string[] }> {
  const { base } = await readHandoutIndex(siteDir);
  const origin = 'https://guide.test';
  const broken = new Set<string>();
  const seen = new Map<string, boolean>();
  let checked = 0;
  let pdfs = 0;
  for (const page of await builtPagePaths(siteDir)) {
    const html = await readFile(join(siteDir, page.endsWith('/') || page === '' ? `${page}index.html` : page), 'utf8');
    for (const url of internalUrls(html, new URL(`${base}${page}`, origin))) {
      const file = fileFor(siteDir, base, url.pathname);
      checked += 1;
      if (url.pathname.endsWith('.pdf')) pdfs += 1;
      if (!file) {
        broken.add(`/${page} → ${url.pathname} (outside the base path ${base})`);
        continue;
      }
      if (!seen.has(file))
        seen.set(
          file,
          await stat(file).then(
            (info) => info.isFile(),
            () => false,
          ),
        );
      if (!seen.get(file)) broken.add(`/${page} → ${url.pathname}`);
    }
  }
  return { checked, pdfs, broken: [...broken] };
}
