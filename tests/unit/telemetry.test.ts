/**
 * No phone-home: Astro posts anonymous usage data to telemetry.astro.build on every
 * build, preview and dev run unless ASTRO_TELEMETRY_DISABLED is set, and the project
 * sets it in astro.config.mjs. Each check starts `astro preview` of an empty folder (it
 * records its session the way a build does, right after loading the config, and needs no
 * build) with every outside request sent to a local trap.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnTool } from '../../scripts/project-tools.ts';
import { startOutboundTrap, type OutboundTrap } from '../support/outbound-trap.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

/** Waits until `done(output)` holds, checked on each output and on each request the trap records. Rejects if the child exits first. */
function outputUntil(child: ChildProcess, done: (output: string) => boolean, trap: OutboundTrap): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (done(output)) resolve();
    };
    child.stdout?.on('data', (chunk: Buffer) => ((output += chunk.toString()), check()));
    child.stderr?.on('data', (chunk: Buffer) => ((output += chunk.toString()), check()));
    trap.onRequest = check;
    child.once('exit', () => reject(new Error(`astro preview exited first:\n${output}`)));
  });
}

describe('Astro telemetry', () => {
  let trap: OutboundTrap;
  let home: string;
  beforeAll(async () => {
    trap = await startOutboundTrap();
    // A home of its own: "astro telemetry disable" on this machine must not hide the project's setting.
    home = await mkdtemp(join(tmpdir(), 'guide-telemetry-'));
    await mkdir(join(home, 'empty-site'));
  });
  afterAll(async () => {
    await trap?.close();
    await rm(home, { recursive: true, force: true });
  });

  /** Runs `astro preview` of `root` until `done` (checked on each output) holds; returns what reached the trap. */
  async function preview(root: string, done: (output: string) => boolean): Promise<string[]> {
    trap.requests.length = 0;
    const env = { ...trap.proxyEnv, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GUIDE_OUT_DIR: join(home, 'empty-site'), ASTRO_TELEMETRY_DISABLED: '', TELEMETRY_DISABLED: '' };
    const child = spawnTool('astro', ['preview', '--root', root, '--host', '127.0.0.1', '--port', '0'], { env });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await outputUntil(child, done, trap);
      return [...trap.requests];
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }

  it('is on in a plain Astro site, and the trap sees it (so the check below can fail)', { timeout: 150_000 }, async () => {
    const requests = await preview(join(PROJECT_ROOT, 'tests/fixtures/bad-frontmatter'), () => trap.requests.length > 0);
    expect(requests.some((request) => request.includes('telemetry.astro.build'))).toBe(true);
  });

  it('is off in this project: nothing goes out while Astro starts and serves', { timeout: 150_000 }, async () => {
    // Astro sends its session record before it starts the server: by the time the server listens, it would be out.
    expect(await preview(PROJECT_ROOT, (output) => /127\.0\.0\.1:\d+/.test(output))).toEqual([]);
  });
});
