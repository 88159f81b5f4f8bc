/**
 * The Astro side of the guide's plugin (added by index.ts through Starlight's
 * `addIntegration`, so it runs right after Starlight):
 *
 * - astro:config:setup: the brand stylesheet, the Content-Security-Policy, styles as
 *   files, and the Markdown plugins;
 * - astro:build:generated (every page written, before any `astro:build:done`): the
 *   handouts and the Handouts pages' tables, pipeline steps 2-3;
 * - astro:build:done (after Starlight's, which writes the Pagefind index, step 4):
 *   the service worker, step 5.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { baseLinksPlugin } from '../integrations/base-links.ts';
import { addHastPlugin } from '../integrations/satteri.ts';
import { normalizeBase } from '../lib/base-path.ts';
import { taskListBoxesPlugin } from '../integrations/task-list-boxes.ts';
import { brandCssPlugin } from '../lib/brand-css.ts';
import { onBundlerWarning } from '../lib/build-warnings.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import { buildHandouts } from './handout-step.ts';
import { papersFor } from '../lib/handout-files.ts';
import type { GuidePluginOptions } from './index.ts';
import { serviceWorkerStep } from './pipeline.ts';
import { SEARCH_INDEX_DIR } from './search-index.ts';

/** Size a patient's device downloads on the first visit, for the build log. */
function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${Math.round(bytes / 1000)} kB`;
}

export function guideIntegration({ clinic }: GuidePluginOptions): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: 'guide',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        cacheDir = config.cacheDir;
        updateConfig({
          // Content-Security-Policy <meta> on every page; the policy and why: src/security/csp.ts.
          security: { csp: contentSecurityPolicy() },
          // Styles as files, never inline <style>: Astro does not hash every inlined style (those of
          // components used in MDX pages), and files let the CSP allow styles by origin alone.
          build: { inlineStylesheets: 'never' },
          // Brand colours from clinic.config.ts, as a stylesheet (see src/lib/brand-css.ts).
          // The guide has no code blocks: no Shiki, whose inline styles the CSP would block (Astro warns about that).
          markdown: { syntaxHighlight: false },
          vite: {
            plugins: [brandCssPlugin(clinic.theme)],
            // Known harmless bundler warnings stay out of the build log (see src/lib/build-warnings.ts).
            build: { rolldownOptions: { onwarn: onBundlerWarning } },
          },
        });
        // Content links are written from the site root ("/glossary/"); this adds the base path to them.
        if (normalizeBase(config.base) !== '/') addHastPlugin(config, baseLinksPlugin(config.base));
        // Checklist boxes are for paper: hidden from screen readers on screen.
        addHastPlugin(config, taskListBoxesPlugin);
      },
      'astro:build:generated': async ({ dir, logger }) => {
        if (!clinic.handouts) {
          logger.info(
            'Handouts are switched off (clinic.config.ts, `handouts: false`): the site says there are no printable files.',
          );
          return;
        }
        await buildHandouts({
          dir,
          cacheDir: cacheDir ?? new URL('./node_modules/.astro/', dir),
          logger,
          papers: papersFor(clinic.paperSize),
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        if (!(await stat(`${root}${SEARCH_INDEX_DIR}/pagefind-entry.json`).catch(() => undefined))) {
          throw new Error(
            "guide: no Pagefind index in the build output, so search would not work offline. Keep Starlight's `pagefind` option on.",
          );
        }
        const { count, size, warnings } = await serviceWorkerStep(root);
        for (const warning of warnings) logger.warn(warning);
        logger.info(`Service worker precaches ${count} files (${formatBytes(size)}).`);
      },
    },
  };
}
