import { describe, expect, it } from 'vitest';
import { parseServeCli, reachableHosts, ServeUsageError } from '../../scripts/serve/cli.ts';
import { PRECACHE_IGNORES, serviceWorkerOptions } from '../../src/integrations/service-worker.ts';
import { withBase } from '../../src/lib/base-path.ts';
import { webAppManifest } from '../../src/lib/web-app-manifest.ts';

describe('withBase', () => {
  it('adds the base path to site-root links only', () => {
    expect(withBase('/glossary/#rems', '/patient-guide/')).toBe('/patient-guide/glossary/#rems');
    expect(withBase('/patient-guide/glossary/', '/patient-guide/')).toBe('/patient-guide/glossary/');
    expect(withBase('#rems', '/patient-guide/')).toBe('#rems');
    expect(withBase('https://www.fda.gov/', '/patient-guide/')).toBe('https://www.fda.gov/');
    expect(withBase('//cdn.example/x.js', '/patient-guide/')).toBe('//cdn.example/x.js');
    expect(withBase('/glossary/', '/')).toBe('/glossary/');
  });
});

describe('service worker options', () => {
  it('precaches pages and search files, not handouts or the worker itself', () => {
    const options = serviceWorkerOptions('/site');
    expect(options.swDest).toBe('/site/sw.js');
    expect(options.globPatterns).toContain('**/*.html');
    expect(options.globPatterns?.some((pattern) => pattern.startsWith('pagefind/'))).toBe(true);
    expect(PRECACHE_IGNORES).toEqual(expect.arrayContaining(['handouts/**', 'sw.js']));
    expect(options.skipWaiting, 'a new build must not take over an open page').toBe(false);
    expect(options.cleanupOutdatedCaches).toBe(true);
  });
});

describe('web app manifest', () => {
  it('keeps every URL under the base path and names the clinic', () => {
    const manifest = webAppManifest({ name: 'Test Clinic' }, '/patient-guide/');
    expect(manifest.start_url).toBe('/patient-guide/');
    expect(manifest.scope).toBe('/patient-guide/');
    expect(manifest.name).toContain('Test Clinic');
    for (const icon of manifest.icons) expect(icon.src.startsWith('/patient-guide/icons/')).toBe(true);
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  });
});

describe('npm run serve', () => {
  it('serves every network on port 8080 by default', () => {
    expect(parseServeCli([])).toEqual({ dir: 'dist', host: '0.0.0.0', port: 8080, base: undefined, help: false });
    expect(parseServeCli(['--host', '127.0.0.1', '--port', '0', '--dir', 'out']).port).toBe(0);
  });

  it('rejects unknown flags and bad ports with a message', () => {
    expect(() => parseServeCli(['--prot', '80'])).toThrow(ServeUsageError);
    expect(() => parseServeCli(['--port', '99999'])).toThrow(/--port must be a whole number/);
  });

  it('lists the local network addresses a tablet can open', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
      wlan0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null },
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 0 },
      ],
    } as Parameters<typeof reachableHosts>[1];
    expect(reachableHosts('0.0.0.0', interfaces)).toEqual({ local: 'localhost', network: ['192.168.1.20'] });
    expect(reachableHosts('127.0.0.1', interfaces)).toEqual({ local: '127.0.0.1', network: [] });
  });
});
