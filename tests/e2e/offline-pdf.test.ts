/**
 * A handout PDF a patient opened once opens again with no network at all: the link opens
 * the PDF in the browser (no `download` attribute, which makes Chromium skip the service
 * worker and leave a cancelled 0-byte download), and the service worker keeps the copy.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/handouts/browser.ts';
import { serveStatic, type StaticServer } from '../../src/handouts/server.ts';
import { readHandoutIndex } from '../support/site.ts';

const siteDir = inject('siteDir');

/** What the browser got for a PDF link the patient tapped: through the page's own fetch, so the service worker answers. */
async function openPdf(
  tab: Page,
  href: string,
): Promise<{ status: number; type: string; bytes: number; magic: string }> {
  return tab.evaluate(async (url: string) => {
    const response = await fetch(url);
    const body = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      bytes: body.length,
      magic: String.fromCharCode(...body.slice(0, 5)),
    };
  }, href);
}

describe('a handout PDF offline', () => {
  let browser: Browser;
  let server: StaticServer | undefined;
  let copy: string;
  let base: string;
  beforeAll(async () => {
    ({ browser } = await launchBrowser());
    base = (await readHandoutIndex(siteDir)).base;
    // A copy with only the handout this test opens, so the site's own server can be stopped for real.
    copy = await mkdtemp(join(tmpdir(), 'guide-offline-pdf-'));
    await cp(siteDir, copy, {
      recursive: true,
      filter: (source) =>
        !source.includes(`${join(siteDir, 'handouts')}/`) || source.includes('start-here') || !source.endsWith('.pdf'),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('opens from the service worker once the server is stopped', async () => {
    server = await serveStatic({ root: copy, base });
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    await tab.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    await tab.goto(server.url);
    await tab.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
    });
    const link = await tab.$eval('.handout-links a[href$="/handouts/letter/start-here.pdf"]', (a) => ({
      href: (a as HTMLAnchorElement).href,
      download: a.hasAttribute('download'),
    }));
    expect(link.download, 'the link opens the PDF, not a download').toBe(false);

    // Online: the first open saves it.
    const online = await openPdf(tab, link.href);
    expect(online).toMatchObject({ status: 200, type: 'application/pdf', magic: '%PDF-' });

    // Really offline: the server is gone, not just the browser's switch.
    const origin = server.url;
    await server.close();
    server = undefined;
    const refused = await fetch(origin).then(
      () => false,
      () => true,
    );
    expect(refused, 'the server no longer answers').toBe(true);

    const offline = await openPdf(tab, link.href);
    expect(offline.status).toBe(200);
    expect(offline.type).toBe('application/pdf');
    expect(offline.magic).toBe('%PDF-');
    expect(offline.bytes).toBe(online.bytes);
    // Tapping the link itself: the browser opens the saved PDF (a navigation, which `download` used to skip).
    const [opened] = await Promise.all([
      tab.waitForResponse((response) => response.url() === link.href),
      tab.click('.handout-links a[href$="/handouts/letter/start-here.pdf"]'),
    ]);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('application/pdf');
    expect(opened.fromServiceWorker(), 'answered by the service worker').toBe(true);

    // A PDF never opened before shows the offline page instead, in the handout's language.
    const never = await openPdf(tab, link.href.replace('/letter/start-here.pdf', '/a4/es-glossary.pdf'));
    expect(never.type).toMatch(/text\/html/);
    const page = await tab.goto(link.href.replace('/letter/start-here.pdf', '/a4/es-glossary.pdf'));
    expect(page?.ok()).toBe(true);
    expect(await tab.$eval('html', (html) => html.lang)).toBe('es');
    expect(await tab.$eval('h1', (h1) => h1.textContent)).toBe('No tiene conexión a internet');
    await context.close();
  });
});
