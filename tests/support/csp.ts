/** Reads Content-Security-Policy from built pages and catches violations in the browser. */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import type { Page } from 'puppeteer';

/** One `securitypolicyviolation` event, as the page saw it. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** The policy in a page's `<meta http-equiv="content-security-policy">`, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const tag = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  return tag?.[1]?.replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

/** The policy as a map: directive name → its sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Every inline `<script>` (no `src`) in the HTML: its text, as the browser hashes it. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((match) => !/\ssrc=/i.test(match[1] ?? '') && !/type="application\/(?:ld\+)?json"/i.test(match[1] ?? ''))
    .map((match) => match[2] ?? '');
}

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Attributes such as `onclick=` or `onload=` inside HTML tags (not in text or scripts). */
export function inlineEventHandlers(html: string): string[] {
  const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return [...withoutScripts.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=/gi)].map((match) => match[1] ?? '');
}

/** The built HTML files of a site, as paths relative to it ("glossary/index.html"), handouts excluded. */
export async function htmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('handouts/'))
    .sort();
}

/** The URL path of a built file under `base`: "glossary/index.html" → "/base/glossary/". */
export function urlPathOf(file: string, base: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Makes `tab` record every CSP violation from the first script on, in every
 * document it loads. Read them with `takeViolations`.
 */
export async function recordViolations(tab: Page): Promise<void> {
  await tab.evaluateOnNewDocument(() => {
    const store: unknown[] = [];
    (window as unknown as { __cspViolations?: unknown[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push({
        page: location.pathname,
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
}

export async function takeViolations(tab: Page): Promise<CspViolation[]> {
  return tab.evaluate(() => {
    const holder = window as unknown as { __cspViolations?: CspViolation[] };
    const found = holder.__cspViolations ?? [];
    holder.__cspViolations = [];
    return found;
  });
}

/** The headers a `_headers` file sets for every path (`/*`), in order. */
export function parseHeadersFile(text: string): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  let inAllPaths = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAllPaths = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAllPaths && colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/**
 * A local proxy in front of `upstream` that adds `headers` to every response,
 * the way a host that reads `_headers` would. Resolves with its origin.
 */
export async function serveWithHeaders(
  upstream: string,
  headers: Array<[string, string]>,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const forward = httpRequest(
      `${upstream}${request.url ?? '/'}`,
      { method: request.method, headers: { ...request.headers, host: new URL(upstream).host } },
      (answer) => {
        const merged: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) merged[name] = value;
        for (const [name, value] of headers) merged[name.toLowerCase()] = value;
        response.writeHead(answer.statusCode ?? 502, merged);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
