/**
 * `npm ci --omit=dev` must be enough to build the guide: every package the build
 * loads (the site, its integrations, the handout renderer, the kiosk server) is a
 * dependency, not a dev dependency that a production install leaves out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';

/** What `npm run build` and `npm run serve` run: the site's sources and config, and the scripts they start. */
const BUILD_SOURCES = [
  'src',
  'astro.config.mjs',
  'clinic.config.ts',
  'scripts/pdf.ts',
  'scripts/pdf',
  'scripts/serve.ts',
  'scripts/serve',
  'scripts/project-tools.ts',
];

function filesUnder(path: string): string[] {
  const full = join(PROJECT_ROOT, path);
  if (/\.(ts|mjs|astro|css)$/.test(path)) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|astro|css)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Package names a source file loads: imports, CSS @imports and module paths handed to require.resolve. */
function packagesLoadedBy(file: string): string[] {
  // Comments may quote import syntax ("import … from '…'"): only code counts.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [
    ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/@import\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bfile:\s*['"](@[^'"]+)['"]/g),
  ].map((match) => match[1] ?? '');
  return specifiers
    .filter((specifier) => !/^(\.|\/|node:|astro:|virtual:)/.test(specifier))
    .map((specifier) => /^(@[^/]+\/[^/]+|[^/]+)/.exec(specifier)?.[1] ?? specifier);
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<
  string,
  Record<string, string> | undefined
>;

describe('dependencies of the build', () => {
  it('every package the build loads is a dependency (optional ones may be optional)', () => {
    const loaded = new Map<string, string>();
    for (const file of BUILD_SOURCES.flatMap(filesUnder)) {
      for (const name of packagesLoadedBy(file)) loaded.set(name, relative(PROJECT_ROOT, file));
    }
    expect(loaded.size).toBeGreaterThan(5);
    const declared = { ...manifest.optionalDependencies, ...manifest.dependencies };
    const missing = [...loaded]
      .filter(([name]) => declared[name] === undefined)
      .map(([name, file]) => `${name} (loaded by ${file})`);
    expect(missing).toEqual([]);
  });

  it('declares the Markdown processor the site uses, at the version Astro itself pins', () => {
    const astro = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/astro/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies?.['@astrojs/markdown-satteri']).toBe(astro.dependencies['@astrojs/markdown-satteri']);
  });

  it('pins every dependency to one exact version', () => {
    for (const group of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      for (const [name, version] of Object.entries(manifest[group] ?? {}))
        expect(version, `${group}.${name}`).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});
