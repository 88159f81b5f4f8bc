/**
 * The Node binary every script runs on is fetched by the `node` package's install script
 * (`npm install --no-save node-<platform>-<arch>@<version>`), so package-lock.json holds no
 * integrity for it. scripts/node-binary.json pins it instead; this fails on any mismatch.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';

interface NodePins {
  version: string;
  binaries: Record<string, { package: string; integrity: string; sha256: string }>;
}

const pins = JSON.parse(readFileSync(join(PROJECT_ROOT, 'scripts/node-binary.json'), 'utf8')) as NodePins;
const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const binary = join(PROJECT_ROOT, 'node_modules/.bin/node');
const platform = `${process.platform}-${process.arch}`;
const pinned = pins.binaries[platform];

describe('the pinned Node binary', () => {
  it('is the version package.json asks for', () => {
    expect(packageJson.devDependencies.node).toBe(pins.version);
    expect(execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${pins.version}`);
  });

  // Hashing 130 MB takes a moment on a busy machine.
  it.skipIf(!pinned)(
    `is byte for byte the binary of the registry package (${platform})`,
    { timeout: 60_000 },
    async () => {
      expect(pinned?.package).toBe(`node-${platform}@${pins.version}`);
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(realpathSync(binary))) hash.update(chunk as Buffer);
      const sha256 = hash.digest('hex');
      expect(
        sha256,
        `node_modules/.bin/node is not the pinned ${pinned?.package}: reinstall (npm ci), or update scripts/node-binary.json after checking the new binary`,
      ).toBe(pinned?.sha256);
    },
  );
});
