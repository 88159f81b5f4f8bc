/**
 * The handout renderer never fetches from outside its own local server: a page
 * that asks another server for an image, a stylesheet, a font, a script and a
 * fetch still prints, the run notes what it blocked, and that other server
 * (here a real one, on another port of this machine) never receives a request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSite } from '../../scripts/bench/fixture-site.ts';
import { readPdf } from '../support/pdf.ts';
import { leftoverProcesses, runPdfWatched } from '../support/processes.ts';

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
});
