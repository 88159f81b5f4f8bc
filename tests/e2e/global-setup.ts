/**
 * Builds the site and its handouts once for every e2e test, into .test-out/
 * so a test run never touches the clinic's dist/. Set GUIDE_TEST_SITE to a
 * finished build (site + handouts) to reuse it while iterating on tests.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_OUT } from '../support/paths.ts';
import { runCommand } from '../support/run.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site the e2e tests run against. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const reuse = process.env.GUIDE_TEST_SITE;
  if (reuse) {
    project.provide('siteDir', reuse);
    return;
  }
  const siteDir = join(TEST_OUT, 'site');
  await rm(siteDir, { recursive: true, force: true });
  const env = { GUIDE_OUT_DIR: siteDir, GUIDE_CACHE_DIR: join(TEST_OUT, 'cache') };
  const build = await runCommand('astro', ['build'], env);
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  const pdf = await runCommand('node', ['scripts/pdf.ts', '--site', siteDir], env);
  if (pdf.code !== 0) throw new Error(`npm run pdf failed:\n${pdf.stdout}\n${pdf.stderr}`);
  project.provide('siteDir', siteDir);
}
