/**
 * `npm run serve` as a clinic runs it, in its own process: what it refuses to serve,
 * the headers it sends, the host names it accepts, and that no bad file or request
 * takes it down (a crash shows as the process exiting and the next request failing).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnTool } from '../../scripts/project-tools.ts';
import { parseHeadersFile } from '../support/csp.ts';
import { rawRequest } from '../support/http.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { readFileSync } from 'node:fs';

const SECRET = 'secret outside the site';
const HOME = '<h1>Home</h1>';

interface Kiosk {
  child: ChildProcess;
  /** The address printed for this computer, e.g. "http://localhost:41234/". */
  local: string;
  /** The addresses printed for the local network. */
  network: string[];
  stop: () => Promise<void>;
}

/** Starts `npm run serve` on a free port and waits until it prints where it listens. */
async function startKiosk(dir: string, host: string): Promise<Kiosk> {
  const child = spawnTool('node', ['scripts/serve.ts', '--dir', dir, '--host', host, '--port', '0', '--base', '/']);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl+C')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`npm run serve exited before listening:\n${output}`)));
  });
  const addresses = (label: string): string[] =>
    [...output.matchAll(new RegExp(`${label}:\\s+(\\S+)`, 'g'))].map((match) => match[1] ?? '');
  return {
    child,
    local: addresses('On this computer')[0] ?? '',
    network: addresses('On the local network'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The kiosk answers a plain request for the home page. */
async function stillServes(kiosk: Kiosk): Promise<void> {
  const home = await rawRequest(kiosk.local, '/');
  expect(home.status).toBe(200);
  expect(home.body).toBe(HOME);
  expect(kiosk.child.exitCode).toBeNull();
}

describe('the kiosk server (npm run serve)', () => {
  let work: string;
  let site: string;
  let kiosk: Kiosk;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'guide-kiosk-'));
    site = join(work, 'site');
    await mkdir(join(site, 'risks'), { recursive: true });
    await mkdir(join(site, '.git'), { recursive: true });
    await mkdir(join(work, 'outside'), { recursive: true });
    await writeFile(join(site, 'index.html'), HOME);
    await writeFile(join(site, 'risks', 'index.html'), '<h1>Risks</h1>');
    await writeFile(join(site, '404.html'), '<h1>Not found</h1>');
    await copyFile(join(PROJECT_ROOT, 'public/_headers'), join(site, '_headers'));
    await writeFile(join(site, '.env'), SECRET);
    await writeFile(join(site, '.git', 'config'), SECRET);
    await writeFile(join(work, 'secret.txt'), SECRET);
    await writeFile(join(work, 'outside', 'secret.txt'), SECRET);
    await symlink('/etc/passwd', join(site, 'passwd'));
    await symlink(join(work, 'secret.txt'), join(site, 'outside.txt'));
    await symlink(join(work, 'secret.txt'), join(site, 'linked.html'));
    await symlink(join(work, 'outside'), join(site, 'outside-dir'));
    await symlink(join(site, '.env'), join(site, 'env.txt'));
    execFileSync('mkfifo', [join(site, 'fifo'), join(site, 'pipe.html')]);
    kiosk = await startKiosk(site, '127.0.0.1');
  });
  afterAll(async () => {
    await kiosk?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('serves the site', async () => {
    await stillServes(kiosk);
    expect((await rawRequest(kiosk.local, '/risks/')).body).toBe('<h1>Risks</h1>');
  });

  it.each(['/passwd', '/outside.txt', '/linked', '/outside-dir/secret.txt', '/env.txt'])(
    'never follows a symlink out of the site or to a dotfile: %s',
    async (path) => {
      const answer = await rawRequest(kiosk.local, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(SECRET);
      expect(answer.body).not.toContain('root:');
    },
  );

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/risks/..%2f..%2fsecret.txt', '/..\\secret.txt', '//etc/passwd'])(
    'never serves a file outside the site: %s',
    async (path) => {
      const answer = await rawRequest(kiosk.local, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(SECRET);
      expect(answer.body).not.toContain('root:');
    },
  );

  it.each(['/.env', '/.git/config', '/%2egit/config', '/risks/../.env'])('refuses dotfiles: %s', async (path) => {
    const answer = await rawRequest(kiosk.local, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain(SECRET);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 and never the file', async (method) => {
    const answer = await rawRequest(kiosk.local, '/index.html', { method });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(answer.body).not.toContain(HOME);
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await rawRequest(kiosk.local, '/', { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
  });

  it('sends exactly the headers of public/_headers, on pages, 404s and refusals', async () => {
    const expected = parseHeadersFile(readFileSync(join(PROJECT_ROOT, 'public/_headers'), 'utf8'));
    expect(expected.length).toBeGreaterThan(3);
    for (const [path, method] of [
      ['/', 'GET'],
      ['/risks/', 'HEAD'],
      ['/missing/', 'GET'],
      ['/.env', 'GET'],
      ['/', 'POST'],
    ] as const) {
      const answer = await rawRequest(kiosk.local, path, { method });
      for (const [name, value] of expected)
        expect(answer.headers[name.toLowerCase()], `${method} ${path}: ${name}`).toBe(value);
    }
  });

  it('refuses a Host name it did not print (DNS rebinding), and accepts the printed ones', async () => {
    const port = new URL(kiosk.local).port;
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example']) {
      const answer = await rawRequest(kiosk.local, '/', { headers: { host } });
      expect(answer.status, `Host: ${host}`).toBe(421);
      expect(answer.body).not.toContain(HOME);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`]) {
      expect((await rawRequest(kiosk.local, '/', { headers: { host } })).status, `Host: ${host}`).toBe(200);
    }
  });

  it('answers 404 for a special file (a named pipe) and keeps serving', async () => {
    for (const path of ['/fifo', '/pipe', '/pipe.html']) {
      expect((await rawRequest(kiosk.local, path)).status, path).toBe(404);
    }
    await stillServes(kiosk);
  });

  it('survives a file that is swapped for a folder or removed while it is being served', {
    timeout: 120_000,
  }, async () => {
    // A second process flips /flip between a file, nothing and a folder as fast as it can,
    // as a rebuild does to dist/; the kiosk sees the file, then fails to open or read it.
    const target = join(site, 'flip');
    const flipper = spawnTool('node', [
      '-e',
      `const fs = require('node:fs');
       const [target, file, dir] = process.argv.slice(1);
       fs.writeFileSync(file, 'x'.repeat(256 * 1024)); fs.mkdirSync(dir, { recursive: true });
       process.stdout.write('ready\\n');
       for (;;) { fs.renameSync(file, target); fs.renameSync(target, file); fs.renameSync(dir, target); fs.renameSync(target, dir); }`,
      target,
      join(work, 'flip-file'),
      join(work, 'flip-dir'),
    ]);
    await new Promise<void>((resolve) => flipper.stdout?.once('data', () => resolve()));
    try {
      const statuses = new Set<number | string>();
      for (let round = 0; round < 30 && kiosk.child.exitCode === null; round++) {
        const answers = await Promise.allSettled(Array.from({ length: 25 }, () => rawRequest(kiosk.local, '/flip')));
        for (const answer of answers) statuses.add(answer.status === 'fulfilled' ? answer.value.status : 'cut');
      }
      expect(
        [...statuses].every((status) => status === 200 || status === 404 || status === 'cut'),
        [...statuses].join(', '),
      ).toBe(true);
    } finally {
      flipper.kill('SIGKILL');
    }
    await stillServes(kiosk);
  });
});

describe('the kiosk server on the local network', () => {
  let site: string;
  let kiosk: Kiosk;
  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'guide-kiosk-lan-'));
    await writeFile(join(site, 'index.html'), HOME);
    await copyFile(join(PROJECT_ROOT, 'public/_headers'), join(site, '_headers'));
    kiosk = await startKiosk(site, '0.0.0.0');
  });
  afterAll(async () => {
    await kiosk?.stop();
    await rm(site, { recursive: true, force: true });
  });

  it('accepts only the host names it printed, plus localhost', async () => {
    const port = new URL(kiosk.local).port;
    const printed = [kiosk.local, ...kiosk.network].map((address) => new URL(address).host);
    for (const host of [...printed, `127.0.0.1:${port}`]) {
      expect((await rawRequest(`http://127.0.0.1:${port}`, '/', { headers: { host } })).status, `Host: ${host}`).toBe(
        200,
      );
    }
    for (const host of ['evil.example', '10.255.255.254', 'kiosk.local']) {
      expect((await rawRequest(`http://127.0.0.1:${port}`, '/', { headers: { host } })).status, `Host: ${host}`).toBe(
        421,
      );
    }
  });
});

describe('the kiosk server without security headers', () => {
  it('refuses to start, and says how to fix it', async () => {
    const site = await mkdtemp(join(tmpdir(), 'guide-kiosk-bare-'));
    await writeFile(join(site, 'index.html'), HOME);
    const child = spawnTool('node', [
      'scripts/serve.ts',
      '--dir',
      site,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--base',
      '/',
    ]);
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    await rm(site, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(output).toMatch(/_headers/);
    expect(output).toMatch(/npm run build/);
  });
});
