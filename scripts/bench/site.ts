/**
 * Numbers for the README about the built site (not tests: nothing here fails on a
 * slow machine): Lighthouse scores on the home page and the longest page, JavaScript
 * and CSS bytes per page, the size of the Pagefind index and of the offline cache,
 * and the time from typing a search to the first result.
 *
 *   node scripts/bench/site.ts [--site <built dir>]    (default: dist)
 *
 * `benchSite()` is also called from scripts/bench.ts. Lighthouse drives the same
 * Chromium the handouts use (src/handouts/browser.ts), over its debugging port.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import type { Browser } from 'puppeteer';
import { getManifest } from 'workbox-build';
import { precacheOptions } from '../../src/integrations/service-worker.ts';
import { PATIENT_QUERIES } from '../../tests/support/patient-queries.ts';
import { builtPagePaths } from '../../tests/support/built-pages.ts';
import { launchBrowser } from '../../src/handouts/browser.ts';
import { loadHandoutIndex } from '../../src/handouts/pages.ts';
import { serveStatic, type StaticServer } from '../../src/handouts/server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface SiteBenchResult {
  lighthouse: Array<{ page: string; scores: Record<(typeof CATEGORIES)[number], number> }>;
  /** Per page: JavaScript and CSS the page loads (uncompressed and gzipped bytes). */
  assets: Array<{ page: string; js: number; jsGzip: number; css: number; cssGzip: number }>;
  pagefind: { files: number; bytes: number; searchFiles: number; searchBytes: number };
  precache: { files: number; bytes: number };
  /** Milliseconds from the last key press to the first result, per query; includes Pagefind's 300 ms typing pause. */
  firstResultMs: { cold: number; warm: number[] };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function sizeOf(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}

/** The page with the most HTML, as a path under the base ("" is the home page). */
async function longestPage(siteDir: string, paths: string[]): Promise<string> {
  let longest = { path: '', size: 0 };
  for (const path of paths.filter((p) => p.endsWith('/'))) {
    const { size } = await stat(join(siteDir, path, 'index.html'));
    if (size > longest.size) longest = { path, size };
  }
  return longest.path;
}

async function lighthouseScores(browser: Browser, url: string): Promise<Record<(typeof CATEGORIES)[number], number>> {
  const port = Number(new URL(browser.wsEndpoint()).port);
  const result = await lighthouse(url, { port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const score = (id: string): number => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
  };
}

/** JavaScript and CSS files each page loads in a browser, including what it loads lazily. */
async function assetBytes(
  browser: Browser,
  server: StaticServer,
  siteDir: string,
  base: string,
  paths: string[],
): Promise<SiteBenchResult['assets']> {
  const rows: SiteBenchResult['assets'] = [];
  const tab = await browser.newPage();
  // Count what each page needs from the server, not what the service worker serves from its cache.
  await tab.setBypassServiceWorker(true);
  await tab.setCacheEnabled(false);
  for (const path of paths) {
    const loaded = new Set<string>();
    const onResponse = (response: { url: () => string }): void => void loaded.add(new URL(response.url()).pathname);
    tab.on('response', onResponse);
    await tab.goto(`${server.url}${path}`, { waitUntil: 'networkidle0' });
    tab.off('response', onResponse);
    const row = { page: `/${path}`, js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
    for (const pathname of loaded) {
      const kind = pathname.endsWith('.js') ? 'js' : pathname.endsWith('.css') ? 'css' : undefined;
      if (!kind || !pathname.startsWith(base)) continue;
      const body = await readFile(join(siteDir, pathname.slice(base.length)));
      row[kind] += body.length;
      row[kind === 'js' ? 'jsGzip' : 'cssGzip'] += gzipSync(body).length;
    }
    // Inline scripts and styles count too (Starlight's theme script, small scoped styles).
    const inline = await tab.evaluate(() => ({
      js: [...document.querySelectorAll('script:not([src])')].reduce((sum, s) => sum + (s.textContent?.length ?? 0), 0),
      css: [...document.querySelectorAll('style')].reduce((sum, s) => sum + (s.textContent?.length ?? 0), 0),
    }));
    row.js += inline.js;
    row.css += inline.css;
    rows.push(row);
  }
  await tab.close();
  return rows;
}

/** Opens the search dialog and times the first result for `query`, from the last key press. */
async function timeFirstResult(
  browser: Browser,
  url: string,
  queries: string[],
): Promise<SiteBenchResult['firstResultMs']> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: 'networkidle0' });
  const times: number[] = [];
  for (const query of queries) {
    await tab.click('button[data-open-modal]');
    const input = await tab.waitForSelector('dialog[open] input', { visible: true });
    await input?.click({ count: 3 });
    await tab.keyboard.press('Backspace');
    await tab.keyboard.type(query.slice(0, -1));
    const started = await tab.evaluate(() => performance.now());
    await tab.keyboard.type(query.slice(-1));
    await tab.waitForFunction(
      (q: string) => {
        const message = document.querySelector('dialog[open] .pagefind-ui__message')?.textContent ?? '';
        return (
          message.includes(q) &&
          !message.includes('...') &&
          document.querySelector('dialog[open] .pagefind-ui__result-link') !== null
        );
      },
      { polling: 'mutation', timeout: 15_000 },
      query,
    );
    times.push((await tab.evaluate(() => performance.now())) - started);
    await tab.keyboard.press('Escape');
  }
  await context.close();
  const [cold = Number.NaN, ...warm] = times;
  return { cold, warm };
}

/** Measures everything in SiteBenchResult for the site built in `siteDir`. */
export async function benchSite(siteDir: string): Promise<SiteBenchResult> {
  const { base } = await loadHandoutIndex(siteDir);
  const paths = await builtPagePaths(siteDir);
  const pagefindFiles = await filesUnder(join(siteDir, 'pagefind'));
  const precache = await getManifest(precacheOptions(siteDir));
  const searchFiles =
    precache.manifestEntries
      ?.filter((entry) => entry.url.startsWith('pagefind/'))
      .map((entry) => join(siteDir, entry.url)) ?? [];
  const server = await serveStatic({ root: siteDir, base });
  const { browser } = await launchBrowser();
  try {
    const longest = await longestPage(siteDir, paths);
    const scored = [
      { page: '/ (home)', scores: await lighthouseScores(browser, server.url) },
      { page: `/${longest} (longest)`, scores: await lighthouseScores(browser, `${server.url}${longest}`) },
    ];
    return {
      lighthouse: scored,
      assets: await assetBytes(browser, server, siteDir, base, paths),
      pagefind: {
        files: pagefindFiles.length,
        bytes: await sizeOf(pagefindFiles),
        searchFiles: searchFiles.length,
        searchBytes: await sizeOf(searchFiles),
      },
      precache: { files: precache.count, bytes: precache.size },
      firstResultMs: await timeFirstResult(
        browser,
        server.url,
        PATIENT_QUERIES.slice(0, 6).map((entry) => entry.query),
      ),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The results as lines for the terminal and the README. */
export function formatSiteBench(result: SiteBenchResult, siteDir: string): string[] {
  const lines = [
    `Site benchmark (${relative(process.cwd(), siteDir) || siteDir}, ${new Date().toISOString().slice(0, 10)})`,
  ];
  lines.push('  Lighthouse (mobile)          performance  accessibility  best-practices  seo');
  for (const { page, scores } of result.lighthouse) {
    lines.push(
      `    ${page.padEnd(27)}${String(scores.performance).padStart(11)}${String(scores.accessibility).padStart(15)}${String(scores['best-practices']).padStart(16)}${String(scores.seo).padStart(5)}`,
    );
  }
  const js = result.assets.map((row) => row.js);
  const css = result.assets.map((row) => row.css);
  const home = result.assets.find((row) => row.page === '/');
  lines.push(
    `  JavaScript per page          median ${kB(median(js))} (max ${kB(Math.max(...js))}); gzipped median ${kB(median(result.assets.map((r) => r.jsGzip)))}`,
  );
  lines.push(
    `  CSS per page                 median ${kB(median(css))} (max ${kB(Math.max(...css))}); gzipped median ${kB(median(result.assets.map((r) => r.cssGzip)))}`,
  );
  if (home)
    lines.push(
      `  Home page                    JS ${kB(home.js)} (${kB(home.jsGzip)} gzipped), CSS ${kB(home.css)} (${kB(home.cssGzip)} gzipped)`,
    );
  lines.push(
    `  Pagefind index               ${kB(result.pagefind.bytes)} in ${result.pagefind.files} files; what search needs: ${kB(result.pagefind.searchBytes)} in ${result.pagefind.searchFiles} files`,
  );
  lines.push(`  Offline cache (first visit)  ${kB(result.precache.bytes)} in ${result.precache.files} files`);
  lines.push(
    `  First search result          cold ${Math.round(result.firstResultMs.cold)} ms, then median ${Math.round(median(result.firstResultMs.warm))} ms (from the last key press; includes Pagefind's 300 ms typing pause)`,
  );
  return lines;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string' } }, strict: true });
  const siteDir = values.site ?? 'dist';
  benchSite(siteDir).then(
    (result) => console.log(formatSiteBench(result, siteDir).join('\n')),
    (error: unknown) => {
      console.error((error as Error).stack ?? String(error));
      process.exitCode = 1;
    },
  );
}
