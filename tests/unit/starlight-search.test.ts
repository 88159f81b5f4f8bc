/**
 * src/components/search-ui.ts gives Pagefind's UI our `processTerm` by adding it to the
 * options object Starlight's search script spreads into `new PagefindUI({...})`, because
 * Starlight has no public option for a function. This pins that contract to the installed
 * Starlight. If it fails after an upgrade: read the new Search.astro, and either find the
 * new place where Starlight builds the options (and update search-ui.ts), or, if Starlight
 * now accepts a `processTerm` module, use that and delete the workaround.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';

const starlightDir = join(PROJECT_ROOT, 'node_modules/@astrojs/starlight');

describe("Starlight's search script (the contract search-ui.ts relies on)", () => {
  it('imports its Pagefind options from the virtual module search-ui.ts adds to', async () => {
    const source = await readFile(join(starlightDir, 'dist/components/Search.astro'), 'utf8');
    expect(source).toContain("import { pagefindUserConfig } from 'virtual:starlight/pagefind-config'");
  });

  it('spreads those options into PagefindUI when the page is idle, after module scripts ran', async () => {
    const source = await readFile(join(starlightDir, 'dist/components/Search.astro'), 'utf8');
    expect(source).toMatch(/new PagefindUI\(\{\s*\.\.\.pagefindUserConfig,/);
    expect(source).toMatch(/DOMContentLoaded[\s\S]*onIdle[\s\S]*new PagefindUI/);
    // Starlight sets processResult itself, but not processTerm, so ours is not overwritten.
    expect(source).not.toMatch(/processTerm\s*:/);
  });

  it('serves that module as an object of the pagefind settings', async () => {
    const modules = await readFile(join(starlightDir, 'dist/integrations/vite-virtual-modules.js'), 'utf8');
    expect(modules).toMatch(
      /"virtual:starlight\/pagefind-config": `export const pagefindUserConfig = \$\{JSON\.stringify/,
    );
  });
});
