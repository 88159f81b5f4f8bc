/**
 * The modules a piece of code runs, found by following its imports on disk:
 * every relative import (and what it imports, and so on) as a file, every
 * package as its name and installed version. The handout cache hashes this
 * graph, so editing any module the renderer runs, or upgrading a package it
 * uses, re-renders the PDFs; nobody has to keep a list of files up to date.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ModuleGraph {
  /** Absolute paths of every local module reached, sorted. */
  files: string[];
  /** Every package imported by those modules, as "name@version", sorted. */
  packages: string[];
}

/**
 * Static `import … from '…'`, `export … from '…'`, side-effect `import '…'` and `import('…')`
 * with a literal specifier. `import type` / `export type` are skipped: types are erased and
 * cannot change what runs. Comments are removed first, so an import in a comment does not count.
 */
const IMPORT =
  /(?:^|[;\s])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The specifiers `source` imports at run time, in order of appearance. */
export function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of withoutComments(source).matchAll(IMPORT)) {
    if (match[1]) continue;
    const specifier = match[2] ?? match[3];
    if (specifier) specifiers.push(specifier);
  }
  return specifiers;
}

/** "pdf-lib/cjs/api" → "pdf-lib"; "@fontsource/x/files/y" → "@fontsource/x". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

async function packageVersion(name: string, fromFile: string): Promise<string> {
  const require = createRequire(fromFile);
  // Walk up from the package's entry to its package.json: some packages do not export "./package.json".
  let dir: string;
  try {
    dir = dirname(require.resolve(name));
  } catch {
    return `${name}@unresolved`;
  }
  for (;;) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest !== undefined) {
      const parsed = JSON.parse(manifest) as { name?: string; version?: string };
      if (parsed.name === name) return `${name}@${parsed.version ?? 'unknown'}`;
    }
    const parent = dirname(dir);
    if (parent === dir) return `${name}@unknown`;
    dir = parent;
  }
}

/** Follows the imports of `entry` (a file URL or path) through every local module it reaches. */
export async function moduleGraph(entry: URL | string): Promise<ModuleGraph> {
  const start = entry instanceof URL ? fileURLToPath(entry) : entry;
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    const source = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`the renderer imports "${file}", which cannot be read (${error.code ?? error.message})`);
    });
    files.add(file);
    for (const specifier of runtimeImports(source)) {
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        queue.push(fileURLToPath(new URL(specifier, pathToFileURL(file))));
      } else {
        packages.add(await packageVersion(packageName(specifier), file));
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}
