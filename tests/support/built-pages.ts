/** Every HTML page of a built site, as paths under its base, for tests that visit them all. */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Site paths of every page in `siteDir` relative to the base path: "" for the home page,
 * "glossary/", "es/glossary/", "404.html". Handouts are PDFs and are not listed.
 */
export async function builtPagePaths(siteDir: string): Promise<string[]> {
  const paths: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['_astro', 'pagefind', 'handouts'].includes(entry.name)) await walk(full);
      } else if (entry.name.endsWith('.html')) {
        const path = relative(siteDir, full).split(sep).join('/');
        paths.push(path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path);
      }
    }
  };
  await walk(siteDir);
  return paths.sort();
}
