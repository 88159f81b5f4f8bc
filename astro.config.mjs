// @ts-check
// The site's identity. Everything the guide adds to Starlight and Astro (head entries, route
// middleware, styles, the Content-Security-Policy, the handouts, the search index order and the
// offline service worker) is one plugin: src/plugin/index.ts; the build's order: src/plugin/pipeline.ts.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { clinic } from './clinic.config.ts';
import { fillText } from './src/lib/placeholders.ts';
import { forLanguages, starlightLocales } from './src/lib/locales.ts';
import guide from './src/plugin/index.ts';
import { guideSidebar } from './src/lib/sidebar.ts';
import { baseFromSiteUrl } from './src/lib/base-path.ts';
import { faviconFile } from './src/lib/app-icons.ts';

// No phone-home: Astro posts anonymous usage data on every build, preview and dev run
// unless this is set. It must be set here, while the config loads: Astro records the
// session right after, before any integration runs. Held by tests/unit/telemetry.test.ts.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

// Tests and the handout benchmark build into their own folders, so a test run
// never overwrites the clinic's dist/ (see tests/e2e/global-setup.ts).
const outDir = process.env.GUIDE_OUT_DIR ?? './dist';
const cacheDir = process.env.GUIDE_CACHE_DIR ?? './node_modules/.astro';
// One source of truth: a siteUrl with a folder (https://clinic.example/guide/) builds the site
// for that folder, so links, QR codes, canonical links and the sitemap all carry it.
const base = baseFromSiteUrl(clinic.siteUrl);

export default defineConfig({
  site: clinic.siteUrl,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  integrations: [
    starlight({
      // The title and topic sentence are the clinic's (`title`, `description` in clinic.config.ts).
      title: forLanguages(clinic.title, clinic.languages),
      // English stays at the site root; the other editions clinic.config.ts lists get a folder each (/es/).
      locales: starlightLocales(clinic.languages),
      logo: { src: `./${clinic.logo}`, alt: clinic.name },
      // Drawn from the logo at build time (src/pages/icons/[icon].ts), like the app icons.
      favicon: `/icons/${faviconFile(clinic.logo)}`,
      // Pages without their own description get their edition's (src/route-data/manifest-language.ts).
      description: fillText(clinic.description.en, { clinic: clinic.name }),
      lastUpdated: false,
      pagination: true,
      // Built from each page's `sidebar: { group, order }` frontmatter (groups and labels: src/lib/sidebar.ts).
      sidebar: guideSidebar(clinic.languages),
      plugins: [guide({ clinic })],
    }),
  ],
});
