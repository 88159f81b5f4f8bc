/**
 * Which file of the built site a URL path names, if any. The one guard between a
 * request and the disk: it answers only with regular files whose real location (after
 * every symlink) is inside the site folder, and never with a dotfile.
 */
import { realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** URL path segments such as ".git", ".env" or "..": never served. */
function hasDotSegment(path: string): boolean {
  return path.split(/[/\\]/).some((segment) => segment.startsWith('.'));
}

/** The files a path may mean, as a static host reads it: "risks/" → "risks/index.html"; "risks" → also "risks.html". */
function candidates(path: string): string[] {
  if (path === '' || path.endsWith('/')) return [`${path}index.html`];
  return [path, `${path}/index.html`, `${path}.html`];
}

/** `candidate` (relative to `realRoot`) as a path relative to the real root, when it is a regular file inside it. */
async function realFileInside(realRoot: string, candidate: string): Promise<string | undefined> {
  try {
    const real = await realpath(join(realRoot, candidate));
    if (!real.startsWith(realRoot + sep)) return undefined;
    const inside = relative(realRoot, real);
    // A symlink inside the site may still point at a dotfile of the site.
    if (hasDotSegment(inside) || !(await stat(real)).isFile()) return undefined;
    return inside.split(sep).join('/');
  } catch {
    // Missing, a broken or looping link, a null byte in the name: not a file to serve.
    return undefined;
  }
}

/**
 * The site file `path` names, relative to `realRoot` with "/" separators, or undefined.
 * `path` is a decoded URL path below the base path ("glossary/"); `realRoot` is the site
 * folder after `realpath`, so the containment check compares real locations.
 */
export async function findSiteFile(realRoot: string, path: string): Promise<string | undefined> {
  if (path.includes('\0') || hasDotSegment(path)) return undefined;
  for (const candidate of candidates(path)) {
    const found = await realFileInside(realRoot, candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}
