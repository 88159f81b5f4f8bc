/**
 * The guide's one Starlight plugin: everything the guide adds to Starlight and
 * Astro, wired through Starlight's plugin API in the pipeline's order (see
 * pipeline.ts). astro.config.mjs keeps only the site's identity (title,
 * languages, logo, sidebar) and calls this once.
 *
 * What it owns:
 * - head entries for the web app manifest and the service worker, from the configured base;
 * - route middleware: page descriptions as searchable text, then the security checks last;
 * - the guide's stylesheets, the brand colours and the Content-Security-Policy;
 * - the MarkdownContent and Footer components;
 * - Markdown plugins: base-path links, task-list boxes hidden from screen readers;
 * - the build steps after the pages: handouts and their tables (before Starlight runs
 *   Pagefind), then the offline service worker (after it).
 *
 * Translations: the guide's own words are the `i18n` content collection
 * (src/content/i18n/, checked by src/schemas/i18n.ts), the way Starlight reads a
 * site's strings; `injectTranslations` is for strings a plugin ships to other sites.
 */
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { BRAND_CSS_ID } from '../lib/brand-css.ts';
import type { ClinicConfig } from '../lib/clinic-config.ts';
import { offlineHead } from '../integrations/offline.ts';
import { guideIntegration } from './integration.ts';
import guideConfigWarnings from '../integrations/config-warnings.ts';
import guideBodyHtmlCheck from '../security/body-html.ts';

export interface GuidePluginOptions {
  /** The validated clinic config (clinic.config.ts): brand, languages, and whether to print handouts. */
  clinic: ClinicConfig;
}

const local = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The guide's stylesheets, in cascade order; the brand colours come last (src/lib/brand-css.ts). */
const STYLESHEETS = ['../styles/guide.css', '../styles/print.css', '../styles/accessibility.css'];

export default function guide(options: GuidePluginOptions): StarlightPlugin {
  return {
    name: 'guide',
    hooks: {
      'config:setup': ({ config, astroConfig, updateConfig, addRouteMiddleware, addIntegration }) => {
        updateConfig({
          head: [...(config.head ?? []), ...offlineHead(astroConfig.base)],
          customCss: [...(config.customCss ?? []), ...STYLESHEETS.map(local), BRAND_CSS_ID],
          components: {
            MarkdownContent: local('../components/MarkdownContent.astro'),
            Footer: local('../components/Footer.astro'),
            // Help link, language switch and short title in the header; crisis-aware search (see each file).
            Header: local('../components/Header.astro'),
            SiteTitle: local('../components/SiteTitle.astro'),
            Search: local('../components/Search.astro'),
            ...config.components,
          },
          // Page descriptions weigh more than body text (see src/route-data/search-description.ts).
          pagefind: { ranking: { metaWeights: { description: 3 } } },
        });
        // Search first: it adds the description the security middleware then checks with the rest.
        addRouteMiddleware({ entrypoint: local('../route-data/search-description.ts') });
        // The web app manifest in the page's own language (src/pages/manifest.webmanifest.ts).
        addRouteMiddleware({ entrypoint: local('../route-data/manifest-language.ts') });
        // Security last: it escapes page titles and refuses scripts in frontmatter `head`.
        addRouteMiddleware({ entrypoint: local('../security/route-middleware.ts'), order: 'post' });
        // Added after Starlight by Starlight itself, so its `astro:build:done` runs after Pagefind's.
        addIntegration(guideIntegration(options));
        // Made-up values left in clinic.config.ts and pages sharing a sidebar place warn, without stopping the build.
        addIntegration(guideConfigWarnings(options.clinic));
        // Page bodies may not carry script, frames, forms, <meta>/<base> or javascript: links (fails the build).
        addIntegration(guideBodyHtmlCheck());
      },
    },
  };
}
