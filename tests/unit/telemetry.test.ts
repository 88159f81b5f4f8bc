/**
 * No phone-home: Astro posts anonymous usage data to telemetry.astro.build on every
 * build, preview and dev run unless ASTRO_TELEMETRY_DISABLED is set when it records,
 * right after loading the config; the project sets it in astro.config.mjs.
 *
 * Each check runs, in a Node process of its own, exactly what an Astro command does at
 * that point: load the config (or not), then record a session with Astro's telemetry
 * client and wait until the record is sent or dropped. Outside requests go to a local
 * trap, so the check sees the call itself, not a log line, and needs no timing.
 * (@astrojs/telemetry is Astro's own dependency, imported here only to drive it.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../scripts/project-tools.ts';
import { startOutboundTrap, type OutboundTrap } from '../support/outbound-trap.ts';

const RECORD_SESSION = `
import { pathToFileURL } from 'node:url';
const { AstroTelemetry } = await import('@astrojs/telemetry');
if (process.argv.includes('load-config')) await import(pathToFileURL(process.cwd() + '/astro.config.mjs').href);
const telemetry = new AstroTelemetry({ astroVersion: '0.0.0', viteVersion: '0.0.0' });
await telemetry.record({ eventName: 'ASTRO_CLI_SESSION_STARTED', payload: {} });
console.log(JSON.stringify({ disabled: telemetry.isDisabled }));
`;

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

  async function recordSession(loadConfig: boolean): Promise<{ disabled: boolean; requests: string[] }> {
    trap.requests.length = 0;
    const env = {
      ...trap.proxyEnv,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      ASTRO_TELEMETRY_DISABLED: '',
      TELEMETRY_DISABLED: '',
    };
    const args = ['--input-type=module', '-e', RECORD_SESSION, ...(loadConfig ? ['load-config'] : [])];
    const result = await runTool('node', args, { env, timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    return {
      ...(JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { disabled: boolean }),
      requests: [...trap.requests],
    };
  }

  it('is on by default, and the trap sees the call (so the check below can fail)', { timeout: 150_000 }, async () => {
    const { disabled, requests } = await recordSession(false);
    expect(disabled).toBe(false);
    expect(requests.some((request) => request.includes('telemetry.astro.build'))).toBe(true);
  });

  it('is off once this project config has loaded: nothing goes out', { timeout: 150_000 }, async () => {
    const { disabled, requests } = await recordSession(true);
    expect(disabled).toBe(true);
    expect(requests).toEqual([]);
  });
});
