/**
 * What a clinic sees when `npm run pdf` cannot get a browser: a clear message,
 * a non-zero exit, and the handouts of the last good run left as they were.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCommand } from '../support/run.ts';

const siteDir = inject('siteDir');

async function manifestHash(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(join(siteDir, 'handouts', 'manifest.json')))
    .digest('hex');
}

describe('npm run pdf without a usable browser', () => {
  it('names the missing --browser path and how to fix it', async () => {
    const before = await manifestHash();
    const result = await runCommand('node', [
      'scripts/pdf.ts',
      '--site',
      siteDir,
      '--force',
      '--only',
      'glossary',
      '--browser',
      '/nonexistent/chrome',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--browser points to "/nonexistent/chrome", but no executable browser is there');
    expect(await manifestHash()).toBe(before);
  });

  it('says a browser was found but would not start, lists what was tried and the install commands', async () => {
    const before = await manifestHash();
    const result = await runCommand('node', [
      'scripts/pdf.ts',
      '--site',
      siteDir,
      '--force',
      '--only',
      'glossary',
      '--browser',
      '/bin/false',
      '--timeout',
      '5',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('A browser was found, but none would start');
    expect(result.stderr).toContain('/bin/false: failed to start');
    expect(result.stderr).toContain('sudo apt-get install chromium');
    expect(await manifestHash()).toBe(before);
  });
});
