/**
 * The handout renderer never fetches from outside its own local server: a page
 * that asks another server for an image, a stylesheet, a font, a script and a
 * fetch still prints, the run notes what it blocked, and that other server
 * (here a real one, on another port of this machine) never receives a request.
 *
 * Request interception does not see WebSockets, WebRTC's UDP or name lookups, so a
 * hostile page tries those too: in a print tab its scripts do not run at all, and in a
 * tab of the same browser where they do run, the browser itself still lets nothing out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSite } from '../../scripts/bench/fixture-site.ts';
import { readPdf } from '../support/pdf.ts';
import type { Page } from 'puppeteer';
import { launchBrowser } from '../../src/handouts/browser.ts';
import { releasePrintTab, takePrintTab } from '../../src/handouts/print-tabs.ts';
import { serveStatic } from '../../src/handouts/server.ts';
import { leftoverProcesses, runPdfWatched } from '../support/processes.ts';
import { listenForSideChannels } from '../support/side-channels.ts';

describe('the handout renderer and other servers', () => {
  let dir: string;
  let outside: Server;
  let outsideOrigin: string;
  const received: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guide-isolation-'));
    outside = createServer((request, response) => {
      received.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('outside');
    });
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
    outsideOrigin = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => outside?.close(() => resolve()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('blocks every request to another origin, and the page still prints', { timeout: 120_000 }, async () => {
    // Control: the outside server answers when asked directly, so "no request" below means blocked.
    expect(await (await fetch(`${outsideOrigin}/control`)).text()).toBe('outside');
    received.length = 0;

    const site = join(dir, 'site');
    await writeFixtureSite(site, { pages: 1, callsOutside: { slugs: ['calls-outside'], origin: outsideOrigin } });
    expect(await readFile(join(site, 'calls-outside/index.html'), 'utf8')).toContain(`${outsideOrigin}/image.png`);

    const run = runPdfWatched(['--site', site, '--large-print', '--paper', 'letter']);
    const { code } = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(run.output()).toMatch(/blocked \d+ outside request/);
    expect(run.output()).toContain(`${outsideOrigin}/image.png`);
    expect(received).toEqual([]);
    const pdf = await readPdf(join(site, 'handouts/large-print/letter/calls-outside.pdf'));
    expect(pdf.text).toContain('calls-outside-marker');
    expect(await leftoverProcesses(run.marker)).toEqual([]);
  });

  it('lets no WebSocket, WebRTC packet or looked-up name out of a print tab', { timeout: 240_000 }, async () => {
    const channels = await listenForSideChannels();
    try {
      const site = join(dir, 'side-channels');
      await writeFixtureSite(site, {
        pages: 1,
        callsOutside: {
          slugs: ['side-channels'],
          origin: outsideOrigin,
          extraHtml: `${channels.links}<script>${channels.script}</script>`,
        },
      });
      const run = runPdfWatched(['--site', site, '--large-print', '--paper', 'letter']);
      const { code } = await run.exited;
      expect(code, run.output()).toBe(0);
      // The browser has closed: anything it sent has arrived by now.
      expect(channels.received).toEqual([]);
      expect((await readPdf(join(site, 'handouts/large-print/letter/side-channels.pdf'))).text).toContain(
        'side-channels-marker',
      );
    } finally {
      await channels.close();
    }
  });

  it('blocks WebSockets, WebRTC and name lookups at the browser, even for a script that runs', {
    timeout: 120_000,
  }, async () => {
    const channels = await listenForSideChannels();
    const page = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<!doctype html><title>side channels</title>${channels.links}`);
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    const { browser } = await launchBrowser(undefined, 30_000, { onlyOrigin: origin });
    try {
      const tab = await browser.newPage();
      const response = await tab.goto(`${origin}/`);
      // Control: the allowed origin is reachable, and the script really ran to its end.
      expect(response?.ok()).toBe(true);
      expect(await tab.evaluate(channels.script)).toBe('tried');
      await tab.close();
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => page.close(() => resolve()));
      await channels.close();
    }
    expect(channels.received).toEqual([]);
  });

  it('keeps blocking in a print tab handed on to the next document, and reports each document’s own blocked requests', {
    timeout: 120_000,
  }, async () => {
    received.length = 0;
    const site = join(dir, 'reused-tab');
    await writeFixtureSite(site, { pages: 1, callsOutside: { slugs: ['calls-outside'], origin: outsideOrigin } });
    const server = await serveStatic({ root: site });
    const { browser } = await launchBrowser(undefined, 30_000, { onlyOrigin: server.origin });
    try {
      const context = await browser.createBrowserContext();
      const load = async (path: string): Promise<{ tab: Page; blockedRequests: string[] }> => {
        const taken = await takePrintTab(context, server.origin);
        expect((await taken.tab.goto(`${server.origin}${path}`))?.ok()).toBe(true);
        return taken;
      };
      const first = await load('/calls-outside/');
      expect(first.blockedRequests.some((url) => url.startsWith(outsideOrigin))).toBe(true);
      await releasePrintTab(first.tab, true);
      // The same tab, with a list of its own: the last document's requests are not this one's.
      const second = await load('/fixture-001/');
      expect(second.tab).toBe(first.tab);
      expect(second.blockedRequests).toEqual([]);
      await releasePrintTab(second.tab, true);
      const third = await load('/calls-outside/');
      expect(third.tab).toBe(first.tab);
      expect(third.blockedRequests.some((url) => url.startsWith(outsideOrigin))).toBe(true);
      // A document that failed closes its tab: the next one gets a new tab.
      await releasePrintTab(third.tab, false);
      expect(third.tab.isClosed()).toBe(true);
      const fourth = await load('/fixture-001/');
      expect(fourth.tab).not.toBe(first.tab);
      await releasePrintTab(fourth.tab, false);
    } finally {
      await browser.close();
      await server.close();
    }
    expect(received).toEqual([]);
  });
});
