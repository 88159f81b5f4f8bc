/**
 * starlight-to-pdf, the community tool the booklet is compared with: its installed
 * binary (a devDependency, pinned in package.json), run with the project's Node and
 * our own browser lookup (src/handouts/browser.ts), never fetched through npx.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findBrowserCandidates, needsNoSandbox, systemLookup } from '../../src/handouts/browser.ts';
import { runTool } from '../project-tools.ts';

export interface StarlightToPdf {
  /** The installed version, from its package.json. */
  version: string;
  /** Its command-line script, from the `bin` field of its package.json. */
  bin: string;
}

/** Finds the installed starlight-to-pdf, or says how to get it. */
export async function installedStarlightToPdf(): Promise<StarlightToPdf> {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve('starlight-to-pdf/package.json');
  } catch {
    throw new Error(
      'starlight-to-pdf is not installed. It is a devDependency: run "npm ci", or leave the comparison out with --skip-starlight-to-pdf.',
    );
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version?: unknown; bin?: unknown };
  const bin =
    typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin as Record<string, unknown>)?.['starlight-to-pdf'];
  if (typeof bin !== 'string' || typeof manifest.version !== 'string') {
    throw new Error(`${manifestPath} names no "starlight-to-pdf" binary; reinstall it with "npm ci".`);
  }
  return { version: manifest.version, bin: join(dirname(manifestPath), bin) };
}

/**
 * The browser our renderer would use, for starlight-to-pdf too. It has no option for
 * Chromium flags, so as root (CI, containers), where the sandbox must be off, it gets
 * a wrapper script in `work` that adds --no-sandbox.
 */
export async function browserForStarlightToPdf(work: string): Promise<string> {
  const browser = (await findBrowserCandidates(systemLookup(undefined)))[0];
  if (!browser) throw new Error('no browser found for starlight-to-pdf (see "npm run pdf -- --help", --browser)');
  if (!needsNoSandbox()) return browser.executablePath;
  const wrapper = join(work, 'chromium-no-sandbox');
  await writeFile(wrapper, `#!/bin/sh\nexec '${browser.executablePath}' --no-sandbox "$@"\n`);
  await chmod(wrapper, 0o755);
  return wrapper;
}

/** Prints the site at `url` to `<outDir>/<name>.pdf` on Letter paper, with an outline; returns the seconds it took. */
export async function runStarlightToPdf(
  tool: StarlightToPdf,
  options: { url: string; browser: string; outDir: string; name: string },
): Promise<number> {
  const args = [tool.bin, options.url, '--browser-executable', options.browser];
  args.push('-p', options.outDir, '-f', options.name, '--format', 'Letter', '--pdf-outline');
  // PUPPETEER_SKIP_DOWNLOAD: should anything in it look for Puppeteer's own browser, it must not fetch one.
  const result = await runTool('node', args, { env: { PUPPETEER_SKIP_DOWNLOAD: '1' } });
  if (result.code !== 0) {
    throw new Error(
      `starlight-to-pdf ${tool.version} exited with ${result.code ?? result.signal}:\n${(result.stdout + result.stderr).slice(-2000)}`,
    );
  }
  return result.seconds;
}
