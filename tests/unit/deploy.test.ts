/**
 * The hosting recipes in deploy/ and .github/ must send what the README promises:
 * the same security headers as public/_headers, the right types for the web app
 * manifest and WebAssembly, no caching of the service worker, the guide's 404 page,
 * and a Pages workflow that runs the README's own build command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { nginxLocations, parseHeadersFile, parseHtaccess, parseNginxHeaders } from '../support/deploy-configs.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const read = (path: string): string => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const headersFile = parseHeadersFile(read('public/_headers'));
const security = headersFile['/*'] ?? {};

describe('public/_headers (Netlify, Cloudflare Pages)', () => {
  it('sets the security headers for every path, so a sub-path build is covered too', () => {
    expect(Object.keys(headersFile)).toEqual(['/*']);
    expect(Object.keys(security).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'permissions-policy',
      'referrer-policy',
      'x-content-type-options',
      'x-frame-options',
    ]);
  });
});

describe('deploy/apache/.htaccess', () => {
  const apache = parseHtaccess(read('deploy/apache/.htaccess'));

  it('sends the same security headers as _headers', () => {
    expect(apache.headers).toEqual(security);
  });

  it('serves the web app manifest and WebAssembly with their types', () => {
    expect(apache.types).toEqual({ '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm' });
  });

  it('keeps browsers from caching the service worker', () => {
    expect(apache.files['sw.js']).toEqual({ 'cache-control': 'no-cache' });
  });

  it('shows the guide’s own 404 page', () => {
    expect(apache.errorDocuments['404']).toBe('/404.html');
  });
});

describe('deploy/nginx', () => {
  const conf = read('deploy/nginx/guide.conf');
  const locations = nginxLocations(conf);

  it('sends the same security headers as _headers', () => {
    expect(parseNginxHeaders(read('deploy/nginx/guide-headers.conf'))).toEqual(security);
  });

  it('serves the guide under a sub-path, with its 404 page and the manifest type', () => {
    expect(Object.keys(locations)).toEqual(['/guide/', '= /guide/sw.js']);
    const guide = locations['/guide/'] ?? '';
    expect(guide).toMatch(/^\s*alias \/var\/www\/guide\/;$/m);
    expect(guide).toMatch(/^\s*error_page 404 \/guide\/404\.html;$/m);
    expect(guide).toMatch(/application\/manifest\+json webmanifest;/);
  });

  it('includes the security headers in every location (nginx does not inherit add_header into a block with its own)', () => {
    for (const [match, body] of Object.entries(locations))
      expect(body, match).toMatch(/^\s*include snippets\/guide-headers\.conf;$/m);
  });

  it('keeps browsers from caching the service worker', () => {
    expect(parseNginxHeaders(locations['= /guide/sw.js'] ?? '')).toEqual({ 'cache-control': 'no-cache' });
  });
});

describe('.github/workflows/pages.yml', () => {
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
  }
  interface Workflow {
    permissions: Record<string, string>;
    jobs: Record<string, { container?: string; steps: Step[]; needs?: string }>;
  }
  const workflow = parseYaml(read('.github/workflows/pages.yml')) as Workflow;
  const build = workflow.jobs.build!;
  const deploy = workflow.jobs.deploy!;
  /** The first command of the README's "Two commands" block: the build a clinic runs. */
  const readmeBuild = /```sh\n(npm ci && npm run build)\s/.exec(read('README.md'))?.[1];

  it('runs the README’s build command', () => {
    expect(readmeBuild).toBe('npm ci && npm run build');
    expect(build.steps.map((step) => step.run?.trim())).toContain(readmeBuild);
  });

  it('installs Debian’s Chromium for the handouts before building', () => {
    expect(build.container).toMatch(/^debian:/);
    const install = build.steps.findIndex((step) => /apt-get install[^\n]*\bchromium\b/.test(step.run ?? ''));
    const buildStep = build.steps.findIndex((step) => step.run?.trim() === readmeBuild);
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(buildStep);
  });

  it('publishes dist/ with the official Pages actions', () => {
    expect(build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({
      path: 'dist',
    });
    expect(deploy.needs).toBe('build');
    expect(deploy.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});

describe('deploy/kiosk/ketamine-guide.service (systemd)', () => {
  const unit = read('deploy/kiosk/ketamine-guide.service');
  const value = (key: string): string | undefined => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1];

  it('starts the same server as npm run serve, with the project’s Node, on the local network', () => {
    const serveScript = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.serve;
    expect(serveScript).toBe('node scripts/serve.ts');
    expect(value('ExecStart')).toMatch(
      /^\/\S+\/node_modules\/\.bin\/node scripts\/serve\.ts --host 0\.0\.0\.0 --port \d+$/,
    );
    expect(value('WorkingDirectory')).toBe(value('ExecStart')?.split('/node_modules/')[0]);
  });

  it('starts at boot and restarts after a crash, never as root', () => {
    expect(value('WantedBy')).toBe('multi-user.target');
    expect(value('Restart')).toBe('always');
    expect(value('User')).not.toMatch(/^(root)?$/);
  });
});
