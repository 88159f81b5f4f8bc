/**
 * `npm run build` prints the handouts inside the build (src/plugin/pipeline.ts), so
 * it needs a browser: without one it fails with the browser lookup's own message
 * (tested in build-publish.test.ts, whose first build is that build: one build fewer).
 * A clinic without a browser switches handouts off in clinic.config.ts
 * (`handouts: false`); the build then succeeds and the site says so.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OUT } from '../support/paths.ts';
import { runCommand } from '../support/run.ts';

const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' };
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(TEST_OUT, 'build-handouts-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run build and the handouts', () => {
  it('succeeds without a browser when handouts are switched off, and the site says there are none', {
    timeout: 600_000,
  }, async () => {
    const dir = join(work, 'off');
    const env = {
      ...NO_BROWSER,
      GUIDE_CLINIC_CONFIG: 'tests/fixtures/clinic/clinic.no-handouts.ts',
      GUIDE_OUT_DIR: dir,
      GUIDE_CACHE_DIR: join(work, 'cache'),
    };
    const build = await runCommand('astro', ['build'], env, 600_000);
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(await stat(join(dir, 'handouts')).catch(() => undefined)).toBeUndefined();
    const listing = await readFile(join(dir, 'printable-handouts', 'index.html'), 'utf8');
    expect(listing).toContain('This copy of the guide has no printable files.');
    const spanish = await readFile(join(dir, 'es', 'printable-handouts', 'index.html'), 'utf8');
    expect(spanish).toContain('Esta copia de la guía no tiene archivos para imprimir.');
    // No page links to a PDF that does not exist; the search index and service worker are still made.
    const glossary = await readFile(join(dir, 'glossary', 'index.html'), 'utf8');
    expect(glossary).not.toContain('handouts/letter/glossary.pdf');
    expect((await stat(join(dir, 'sw.js'))).isFile()).toBe(true);
    expect((await stat(join(dir, 'pagefind', 'pagefind-entry.json'))).isFile()).toBe(true);
  });
});
