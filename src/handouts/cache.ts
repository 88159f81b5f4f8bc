/**
 * Decides which PDFs must be rendered again. Each PDF's key hashes everything
 * that shapes it, derived rather than listed by hand:
 * - the renderer's whole module graph (module-graph.ts follows the imports of
 *   produce.ts on disk) and the versions of the packages it uses (pdf-lib);
 * - the browser that prints it (its version);
 * - the clinic details, the logo and the header/footer font;
 * - per page: the built HTML and every stylesheet it links (the print CSS and the
 *   fonts it names), the page's listing in handout-pages.json and the words
 *   printed in its header and footer;
 * - the job's options (paper, standard or large print, booklet), and a packet's own settings.
 * An equal key means the last run's file can be kept as it is.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from './files.ts';
import type { ManifestEntry } from './manifest.ts';
import { moduleGraph } from './module-graph.ts';
import type { HandoutIndex } from './pages.ts';
import type { Job } from './plan.ts';

/** The module whose import graph is the renderer: it renders a job and finishes its PDF. */
export const RENDERER_ENTRY = new URL('./produce.ts', import.meta.url);

export interface FingerprintInputs {
  /** The clinic config (name, site URL, colours...). */
  clinic: object;
  /** The logo as printed (data URL). */
  logo: string;
  /** The header and footer's `@font-face` rules, with the font data inline. */
  fontFaces: string;
  /** What identifies the browser that will print (see browserIdentity). */
  browser: string;
  /** Where the renderer's module graph starts; tests point it at a copy to edit. */
  rendererEntry?: URL;
}

/**
 * A hash of everything that changes every PDF at once: renderer code and packages, browser, clinic, logo, font.
 * The clinic's `packets` are left out: each packet's settings are in its own job's key, so changing one
 * packet prints that packet again and nothing else.
 */
export async function rendererFingerprint(inputs: FingerprintInputs): Promise<string> {
  const { packets: _packets, ...clinic } = inputs.clinic as { packets?: unknown };
  const graph = await moduleGraph(inputs.rendererEntry ?? RENDERER_ENTRY);
  // Hash the sources, not their paths: the same renderer in another checkout gives the same key.
  const sources = await Promise.all(graph.files.map(async (file) => sha256(await readFile(file))));
  return sha256(
    JSON.stringify({
      sources,
      packages: graph.packages,
      browser: inputs.browser,
      clinic,
      logo: sha256(inputs.logo),
      font: sha256(inputs.fontFaces),
    }),
  );
}

/**
 * The browser's own version ("Chromium 147.0.7727.55"), asked without starting it; where a
 * browser cannot say (Windows builds print nothing), its size and date stand in for it.
 */
export async function browserIdentity(executablePath: string | undefined): Promise<string> {
  if (!executablePath) return 'no browser found';
  const version = await new Promise<string>((resolve) => {
    execFile(executablePath, ['--version'], { timeout: 10_000 }, (error, stdout) =>
      resolve(error ? '' : stdout.trim()),
    );
  });
  if (version) return version;
  const info = await stat(executablePath).catch(() => undefined);
  return `${executablePath} ${info?.size ?? 0} ${info?.mtimeMs ?? 0}`;
}

/** Stylesheets a built page links: `<link rel="stylesheet" href="…">`, as site paths. */
function stylesheetHrefs(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel=["']?stylesheet\b/.test(tag))
    .map((tag) => /\bhref=["']?([^"'\s>]+)/.exec(tag)?.[1] ?? '')
    .filter((href) => href.startsWith('/') && !href.startsWith('//'));
}

/** Hashes of each page's built HTML and of the stylesheets it links, by site path. */
export async function pageHashes(siteDir: string, base: string, paths: string[]): Promise<Map<string, string>> {
  const fileOf = (sitePath: string): string => join(siteDir, sitePath.slice(base.length));
  const entries = await Promise.all(
    paths.map(async (path) => {
      const html = await readFile(join(fileOf(path), 'index.html'), 'utf8');
      const sheets = await Promise.all(
        stylesheetHrefs(html).map(async (href) =>
          sha256((await readFile(fileOf(href.split(/[?#]/)[0] ?? href)).catch(() => undefined)) ?? `missing ${href}`),
        ),
      );
      return [path, sha256([sha256(html), ...sheets].join('\n'))] as const;
    }),
  );
  return new Map(entries);
}

/** The key of one job: its inputs and options, nothing about when or where it runs. */
export function jobKey(
  job: Job,
  fingerprint: string,
  htmlHashes: Map<string, string>,
  index: Pick<HandoutIndex, 'site' | 'base' | 'labels'>,
): string {
  const pages = job.type === 'handout' ? [job.page] : job.pages;
  const lang = job.type === 'handout' ? job.page.lang : job.lang;
  const inputs = pages.map((page) => [page, htmlHashes.get(page.path) ?? '']);
  const words = index.labels[lang as keyof HandoutIndex['labels']];
  return sha256(
    JSON.stringify({
      fingerprint,
      site: index.site,
      base: index.base,
      words,
      type: job.type,
      paper: job.paper,
      kind: job.type === 'booklet' ? 'booklet' : job.kind,
      // A packet's own settings shape only its own PDFs (the fingerprint leaves `packets` out).
      packet: job.type === 'packet' ? { ...job.packet, title: job.title } : undefined,
      inputs,
    }),
  );
}

/** The last run's entry for this file, if it was made from the same inputs and the file is still intact. */
export async function reusableEntry(
  previous: ManifestEntry[],
  outDir: string,
  file: string,
  key: string,
): Promise<ManifestEntry | undefined> {
  const entry = previous.find((candidate) => candidate.file === file && candidate.key === key);
  if (!entry) return undefined;
  const bytes = await readFile(join(outDir, file)).catch(() => undefined);
  return bytes && sha256(bytes) === entry.sha256 ? entry : undefined;
}
