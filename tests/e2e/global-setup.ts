/**
 * Builds the site and its handouts once for every e2e test, into .test-out/
 * so a test run never touches the clinic's dist/. Set GUIDE_TEST_SITE to a
 * finished build (site + handouts) to reuse it while iterating on tests.
 */
import { cp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_OUT } from '../support/paths.ts';
import { runCommand } from '../support/run.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site the e2e tests run against. */
    siteDir: string;
    /** The same site built for a sub-path, /patient-guide/ (see buildSubpathSite). */
    subpathSiteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const reuse = process.env.GUIDE_TEST_SITE;
  if (reuse) {
    project.provide('siteDir', reuse);
    project.provide('subpathSiteDir', process.env.GUIDE_TEST_SUBPATH_SITE ?? (await buildSubpathSite(reuse)));
    return;
  }
  const siteDir = join(TEST_OUT, 'site');
  await rm(siteDir, { recursive: true, force: true });
  const env = { GUIDE_OUT_DIR: siteDir, GUIDE_CACHE_DIR: join(TEST_OUT, 'cache') };
  // One command, as a clinic runs it: the build prints the handouts too (src/plugin/pipeline.ts).
  const build = await runCommand('astro', ['build'], env, 1_200_000);
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  project.provide('siteDir', siteDir);
  project.provide('subpathSiteDir', await buildSubpathSite(siteDir));
}

/** The sample clinic with `siteUrl` in a folder of its website (…/patient-guide/): the second build's config. */
const SUBPATH_CONFIG = 'tests/fixtures/clinic/clinic.subpath.ts';

/**
 * Builds the site again for a sub-path (the base path comes from the fixture's `siteUrl`), handouts included: the build prints them from
 * the sub-path's own pages. (A reused site, GUIDE_TEST_SITE, may predate that: its
 * handouts are copied in when the sub-path build has none.)
 */
async function buildSubpathSite(rootSiteDir: string): Promise<string> {
  const dir = join(TEST_OUT, 'site-subpath');
  await rm(dir, { recursive: true, force: true });
  const env = {
    GUIDE_OUT_DIR: dir,
    GUIDE_CACHE_DIR: join(TEST_OUT, 'cache-subpath'),
    GUIDE_CLINIC_CONFIG: SUBPATH_CONFIG,
  };
  const build = await runCommand('astro', ['build'], env, 1_200_000);
  if (build.code !== 0) throw new Error(`astro build with ${SUBPATH_CONFIG} failed:\n${build.stdout}\n${build.stderr}`);
  if (await stat(join(dir, 'handouts')).catch(() => undefined)) return dir;
  await cp(join(rootSiteDir, 'handouts'), join(dir, 'handouts'), { recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      // A reused site (GUIDE_TEST_SITE) may have no handouts yet; the handout-link tests then say so.
      if (error.code !== 'ENOENT') throw error;
    },
  );
  return dir;
}
