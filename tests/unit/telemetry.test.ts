/**
 * No phone-home: Astro posts anonymous usage data to telemetry.astro.build on every
 * build, preview and dev run unless ASTRO_TELEMETRY_DISABLED is set, and the project
 * sets it in astro.config.mjs. Each check runs an Astro command that records its
 * session and then stops on its own (preview of a folder that does not exist), with
 * every outside request sent to a local trap.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../scripts/project-tools.ts';
import { startOutboundTrap, type OutboundTrap } from '../support/outbound-trap.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

describe('Astro telemetry', () => {
  let trap: OutboundTrap;
  let home: string;
  beforeAll(async () => {
    trap = await startOutboundTrap();
    // A home of its own: "astro telemetry disable" on this machine must not hide the project's setting.
    home = await mkdtemp(join(tmpdir(), 'guide-telemetry-'));
  });
  afterAll(async () => {
    await trap?.close();
    await rm(home, { recursive: true, force: true });
  });

  /** Runs `astro preview` of `root` with nothing built, through the trap; returns what reached it. */
  async function previewRequests(root: string): Promise<string[]> {
    trap.requests.length = 0;
    const env = { ...trap.proxyEnv, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GUIDE_OUT_DIR: join(home, 'not-built'), ASTRO_TELEMETRY_DISABLED: '', TELEMETRY_DISABLED: '' };
    const result = await runTool('astro', ['preview', '--root', root], { env, timeoutMs: 120_000 });
    expect(result.stdout + result.stderr).toMatch(/does not exist/);
    return [...trap.requests];
  }

  it('is on in a plain Astro site, and the trap sees its request (so the check below can fail)', { timeout: 150_000 }, async () => {
    const requests = await previewRequests(join(PROJECT_ROOT, 'tests/fixtures/bad-frontmatter'));
    expect(requests.some((request) => request.includes('telemetry.astro.build'))).toBe(true);
  });

  it('is off in this project: an Astro command sends nothing out', { timeout: 150_000 }, async () => {
    expect(await previewRequests(PROJECT_ROOT)).toEqual([]);
  });
});
