/**
 * The handout cache key is derived, not listed: it follows the renderer's imports
 * on disk, so an edit to any module the renderer runs (or a package or browser
 * upgrade) changes it, and an edit elsewhere does not.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_ENTRY, rendererFingerprint, type FingerprintInputs } from '../../src/handouts/cache.ts';
import { moduleGraph, runtimeImports } from '../../src/handouts/module-graph.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

describe('runtimeImports', () => {
  it('finds static, re-exported, side-effect and dynamic imports, but not types or comments', () => {
    const source = [
      "import { a } from './a.ts';",
      "import b, { type B } from 'pkg-b';",
      "import type { C } from './c.ts';",
      "export { d } from './d.ts';",
      "export type { E } from './e.ts';",
      "import './side-effect.ts';",
      "const f = await import('./f.ts');",
      "// import { g } from './commented.ts';",
      "/* import { h } from './block-commented.ts'; */",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./a.ts', 'pkg-b', './d.ts', './side-effect.ts', './f.ts']);
  });
});

describe('the renderer module graph', () => {
  it('reaches every module that shapes a PDF, and the PDF library by version', async () => {
    const graph = await moduleGraph(RENDERER_ENTRY);
    const relative = graph.files.map((file) => file.slice(PROJECT_ROOT.length));
    // The modules the old hand-kept list missed are reached by following imports.
    for (const module of [
      'src/handouts/produce.ts',
      'src/handouts/html.ts',
      'src/handouts/render.ts',
      'src/handouts/templates.ts',
    ]) {
      expect(relative).toContain(module);
    }
    const pdfLib = JSON.parse(await readFile(join(PROJECT_ROOT, 'node_modules/pdf-lib/package.json'), 'utf8')) as {
      version: string;
    };
    expect(graph.packages).toContain(`pdf-lib@${pdfLib.version}`);
  });
});

describe('rendererFingerprint', () => {
  let dir: string;
  let inputs: FingerprintInputs;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guide-graph-'));
    await writeFile(join(dir, 'entry.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
    await writeFile(join(dir, 'b.ts'), "import { c } from './deep/c.ts';\nexport const b = c;\n");
    await mkdir(join(dir, 'deep'));
    await writeFile(join(dir, 'deep', 'c.ts'), 'export const c = 1;\n');
    await writeFile(join(dir, 'unrelated.ts'), 'export const z = 1;\n');
    inputs = {
      clinic: { name: 'Clinic' },
      logo: 'data:',
      fontFaces: '@font-face{}',
      browser: 'Chromium 1.0',
      rendererEntry: pathToFileURL(join(dir, 'entry.ts')),
    };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('changes when a module two imports deep changes', async () => {
    const before = await rendererFingerprint(inputs);
    expect(await rendererFingerprint(inputs)).toBe(before);
    await appendFile(join(dir, 'deep', 'c.ts'), 'export const more = 2;\n');
    expect(await rendererFingerprint(inputs)).not.toBe(before);
  });

  it('stays the same when a module the renderer does not import changes', async () => {
    const before = await rendererFingerprint(inputs);
    await appendFile(join(dir, 'unrelated.ts'), 'export const more = 2;\n');
    expect(await rendererFingerprint(inputs)).toBe(before);
  });

  it('changes with the browser version, the font and the clinic', async () => {
    const before = await rendererFingerprint(inputs);
    expect(await rendererFingerprint({ ...inputs, browser: 'Chromium 2.0' })).not.toBe(before);
    expect(await rendererFingerprint({ ...inputs, fontFaces: '@font-face{src:x}' })).not.toBe(before);
    expect(await rendererFingerprint({ ...inputs, clinic: { name: 'Other' } })).not.toBe(before);
  });

  it('names a module that cannot be read', async () => {
    await writeFile(join(dir, 'b.ts'), "import { gone } from './gone.ts';\nexport const b = gone;\n");
    await expect(rendererFingerprint(inputs)).rejects.toThrow(/gone\.ts/);
  });
});
