/**
 * The Content-Security-Policy (src/security/csp.ts) is on every built page, is
 * strict, and breaks nothing: every page loads in headless Chromium without a
 * single `securitypolicyviolation`, and search still works under it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  htmlFiles,
  inlineEventHandlers,
  inlineScripts,
  metaPolicy,
  parseHeadersFile,
  parsePolicy,
  recordViolations,
  serveWithHeaders,
  sha256Source,
  takeViolations,
  urlPathOf,
  type CspViolation,
} from '../support/csp.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { openSite, readHandoutIndex, type SiteSession } from '../support/site.ts';

const siteDir = inject('siteDir');
const HEADERS_FILE = join(PROJECT_ROOT, 'public/_headers');

describe('Content-Security-Policy in the built HTML', () => {
  it.each([
    ['the site', siteDir],
    ['the site built for a sub-path', inject('subpathSiteDir')],
  ])('is on every page of %s, strict, and allows each inline script by its hash', async (_name, siteDir) => {
    const files = await htmlFiles(siteDir);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const html = await readFile(join(siteDir, file), 'utf8');
      const policy = metaPolicy(html);
      expect(policy, `${file} has no CSP <meta>`).toBeDefined();
      const directives = parsePolicy(policy!);
      expect(directives.get('default-src'), file).toEqual(["'none'"]);
      const scriptSources = directives.get('script-src') ?? [];
      expect(scriptSources, file).toContain("'self'");
      expect(scriptSources, file).toContain("'wasm-unsafe-eval'");
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'data:', '*', 'http:', 'https:']) {
        expect(scriptSources, `${file}: script-src must not allow ${loose}`).not.toContain(loose);
      }
      expect(directives.get('script-src-attr') ?? [], `${file}: inline event handlers must stay blocked`).toEqual([]);
      for (const name of ['img-src', 'font-src', 'connect-src', 'worker-src', 'manifest-src', 'style-src-elem']) {
        const sources = directives.get(name) ?? [];
        expect(sources, `${file}: ${name}`).toContain("'self'");
        expect(
          sources.filter((source) => /^(https?:|\*|wss?:)/.test(source) || source === "'unsafe-inline'"),
          `${file}: ${name} allows another host or inline code`,
        ).toEqual([]);
      }
      for (const script of inlineScripts(html)) {
        expect(scriptSources, `${file}: inline script not allowed by the policy:\n${script.slice(0, 200)}`).toContain(
          sha256Source(script),
        );
      }
      expect(inlineEventHandlers(html), `${file} has inline event handlers`).toEqual([]);
      // Following a link to a source must not tell that site which page a patient was reading.
      if (/<a\b[^>]*\shref="https?:/.test(html)) {
        expect(html, `${file} links to other websites but has no referrer policy`).toMatch(
          /<meta name="referrer" content="no-referrer"\s*\/?>/,
        );
      }
    }
  });
});

describe('Content-Security-Policy in headless Chromium', () => {
  let site: SiteSession;
  /** The same site behind a proxy that adds public/_headers, as Netlify or Cloudflare Pages would. */
  let withHeaders: { origin: string; close: () => Promise<void> };
  beforeAll(async () => {
    site = await openSite(siteDir);
    withHeaders = await serveWithHeaders(site.server.origin, parseHeadersFile(await readFile(HEADERS_FILE, 'utf8')));
  });
  afterAll(async () => {
    await withHeaders?.close();
    await site?.close();
  });

  it('reports a violation for an inline event handler (so the check below can fail) and blocks it', async () => {
    const index = await readHandoutIndex(siteDir);
    const tab = await site.browser.newPage();
    await recordViolations(tab);
    await tab.goto(`${site.server.origin}${index.base}`, { waitUntil: 'load' });
    const ran = await tab.evaluate(async () => {
      const probe = document.createElement('img');
      probe.setAttribute('onerror', 'window.__handlerRan = true');
      // Listeners run in the order they were added: when this one runs, the attribute's handler had its turn.
      const failed = new Promise((resolve) => probe.addEventListener('error', resolve, { once: true }));
      document.body.append(probe);
      probe.src = 'data:,not-an-image';
      await failed;
      return (window as unknown as { __handlerRan?: boolean }).__handlerRan === true;
    });
    const violations = await takeViolations(tab);
    await tab.close();
    expect(ran).toBe(false);
    expect(violations.map((violation) => violation.directive)).toContain('script-src-attr');
  });

  /** Loads every built page from `origin` in one tab; returns what the policy blocked. */
  async function loadEveryPage(
    origin: string,
    sample?: number,
  ): Promise<{ violations: CspViolation[]; consoleErrors: string[]; pages: number }> {
    const index = await readHandoutIndex(siteDir);
    const files = (await htmlFiles(siteDir)).slice(0, sample);
    const context = await site.browser.createBrowserContext();
    const tab = await context.newPage();
    await recordViolations(tab);
    const consoleErrors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
        consoleErrors.push(message.text());
    });
    const violations: CspViolation[] = [];
    for (const file of files) {
      await tab.goto(`${origin}${urlPathOf(file, index.base)}`, { waitUntil: 'load' });
      await tab.evaluate(async () => {
        await document.fonts.ready;
      });
      violations.push(...(await takeViolations(tab)));
    }
    await context.close();
    return { violations, consoleErrors, pages: files.length };
  }

  it('loads every page without a single violation', async () => {
    const { violations, consoleErrors, pages } = await loadEveryPage(site.server.origin);
    expect(pages).toBeGreaterThan(5);
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('lets the web app manifest load (manifest-src) when the page links one', async () => {
    const index = await readHandoutIndex(siteDir);
    const html = await readFile(join(siteDir, 'index.html'), 'utf8');
    if (!/<link[^>]+rel="manifest"/.test(html)) return;
    const tab = await site.browser.newPage();
    await recordViolations(tab);
    await tab.goto(`${site.server.origin}${index.base}`, { waitUntil: 'load' });
    const cdp = await tab.createCDPSession();
    const manifest = (await cdp.send('Page.getAppManifest', {})) as {
      url: string;
      errors: Array<{ message: string }>;
      data?: string;
    };
    expect(manifest.errors, JSON.stringify(manifest.errors)).toEqual([]);
    expect(manifest.data ?? '').toContain('"name"');
    expect(await takeViolations(tab)).toEqual([]);
    await tab.close();
  });

  /** Searches for a word every page has, and returns the result links. */
  async function searchFor(
    query: string,
    options: { blockWorker: boolean; origin?: string },
  ): Promise<{ results: string[]; violations: CspViolation[] }> {
    const origin = options.origin ?? site.server.origin;
    const index = await readHandoutIndex(siteDir);
    // A fresh context: no service worker from earlier tests serves Pagefind's files.
    const context = await site.browser.createBrowserContext();
    const tab = await context.newPage();
    await recordViolations(tab);
    const cspErrors: string[] = [];
    tab.on('pageerror', (error) => {
      if (/Content.Security.Policy/i.test(String(error))) cspErrors.push(String(error));
    });
    tab.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    if (options.blockWorker) {
      await tab.setRequestInterception(true);
      tab.on('request', (request) => {
        if (request.url().endsWith('/pagefind-worker.js')) void request.abort();
        else void request.continue();
      });
    }
    await tab.goto(`${origin}${index.base}`, { waitUntil: 'load' });
    // Wait for results rather than for any message: Pagefind shows "Searching for ..." first.
    await tab.click('button[data-open-modal]');
    const input = await tab.waitForSelector(
      'dialog[open] input[type="text"], dialog[open] .pagefind-ui__search-input',
      { visible: true },
    );
    await input!.type(query);
    await tab.waitForSelector('dialog[open] .pagefind-ui__result-link', { timeout: 15_000 }).catch((error: unknown) => {
      throw new Error(
        `no search results for "${query}"; errors on the page: ${cspErrors[0]?.slice(0, 300) ?? 'none'}`,
        { cause: error },
      );
    });
    const results = await tab.$$eval('dialog[open] .pagefind-ui__result-link', (links) =>
      links.map((link) => (link as HTMLAnchorElement).href),
    );
    const violations = await takeViolations(tab);
    await context.close();
    expect([...new Set(cspErrors)]).toEqual([]);
    return { results, violations };
  }

  it('keeps search working, with no violation from Pagefind or its worker', async () => {
    const { results, violations } = await searchFor('ketamine', { blockWorker: false });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((url) => url.startsWith(site.server.origin))).toBe(true);
    expect(violations).toEqual([]);
  });

  it("keeps search working when Pagefind runs its WebAssembly in the page ('wasm-unsafe-eval')", async () => {
    // Without its worker, Pagefind compiles the WebAssembly on the page itself,
    // under the page's policy: this is the case 'wasm-unsafe-eval' is there for.
    const { results, violations } = await searchFor('ketamine', { blockWorker: true });
    expect(violations).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
  });

  it('served with the headers of public/_headers: pages load without a violation, and search works', async () => {
    const index = await readHandoutIndex(siteDir);
    const probe = await fetch(`${withHeaders.origin}${index.base}`);
    expect(probe.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The header policy is the same for every page: a few pages are enough.
    const pages = await loadEveryPage(withHeaders.origin, 4);
    expect(pages.violations).toEqual([]);
    expect(pages.consoleErrors).toEqual([]);
    // Pagefind's worker gets the header policy (not the page's <meta>): it must still run.
    const search = await searchFor('ketamine', { blockWorker: false, origin: withHeaders.origin });
    expect(search.violations).toEqual([]);
    expect(search.results.length).toBeGreaterThan(0);
  });
});

describe('public/_headers, for hosts that set headers', () => {
  it('adds only what a <meta> policy cannot do, and never blocks what the page policy allows', async () => {
    const headers = parseHeadersFile(await readFile(HEADERS_FILE, 'utf8'));
    const get = (name: string): string | undefined =>
      headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
    const policy = parsePolicy(get('Content-Security-Policy') ?? '');
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    // A second policy is enforced together with the page's own: any fetch directive here
    // (default-src, script-src, ...) would block the inline scripts the page allows by hash.
    // (object-src 'none' is harmless: the page policy already denies plugins.)
    expect([...policy.keys()].filter((name) => name.endsWith('-src') && name !== 'object-src')).toEqual([]);
    expect(policy.get('object-src') ?? ["'none'"]).toEqual(["'none'"]);
    expect(get('Referrer-Policy')).toBe('no-referrer');
    expect(get('X-Content-Type-Options')).toBe('nosniff');
    // Copied into the build as is.
    expect(await readFile(join(siteDir, '_headers'), 'utf8')).toBe(await readFile(HEADERS_FILE, 'utf8'));
  });
});
