// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { clinic } from './clinic.config.ts';
import { contentSecurityPolicy } from './src/security/csp.ts';
import guideBodyHtmlCheck from './src/security/body-html.ts';
import { BRAND_CSS_ID, brandCssPlugin } from './src/lib/brand-css.ts';
import { forLanguages, SITE_TITLE, starlightLocales } from './src/lib/locales.ts';
import guideOffline, { offlineHead } from './src/integrations/offline.ts';
import guideBaseLinks from './src/integrations/base-links.ts';
import guideSearchTerms from './src/integrations/search-terms.ts';
import guideTaskListBoxes from './src/integrations/task-list-boxes.ts';

// Tests and the handout benchmark build into their own folders, so a test run
// never overwrites the clinic's dist/ (see tests/e2e/global-setup.ts).
const outDir = process.env.GUIDE_OUT_DIR ?? './dist';
const cacheDir = process.env.GUIDE_CACHE_DIR ?? './node_modules/.astro';
// GUIDE_BASE=/patient-guide/ builds the site for a sub-path (the e2e tests build one too).
const base = `/${(process.env.GUIDE_BASE ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export default defineConfig({
  site: clinic.siteUrl,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  // Content-Security-Policy <meta> on every page; the policy and why: src/security/csp.ts.
  security: { csp: contentSecurityPolicy() },
  // Styles as files, never inline <style>: Astro does not hash every inlined style (those of
  // components used in MDX pages), and files let the CSP allow styles by origin alone.
  build: { inlineStylesheets: 'never' },
  // Brand colours from clinic.config.ts, as a stylesheet (see src/lib/brand-css.ts).
  vite: { plugins: [brandCssPlugin(clinic.theme)] },
  integrations: [
    starlight({
      title: forLanguages(SITE_TITLE, clinic.languages),
      // English stays at the site root; the other editions clinic.config.ts lists get a folder each (/es/).
      locales: starlightLocales(clinic.languages),
      logo: { src: `./${clinic.logo}`, alt: clinic.name },
      description: `Plain-language answers about ketamine-assisted therapy from ${clinic.name}.`,
      lastUpdated: false,
      head: offlineHead(base),
      // Search: page descriptions count as searchable text (see src/route-data/search-description.ts).
      // Security last: it escapes page titles and refuses scripts in frontmatter `head` (see the file).
      routeMiddleware: ['./src/route-data/search-description.ts', './src/security/route-middleware.ts'],
      pagefind: { ranking: { metaWeights: { description: 3 } } },
      pagination: true,
      customCss: ['./src/styles/guide.css', './src/styles/print.css', './src/styles/accessibility.css', BRAND_CSS_ID],
      components: {
        MarkdownContent: './src/components/MarkdownContent.astro',
        Footer: './src/components/Footer.astro',
      },
      // Groups in reading order; each page's `sidebar.order` matches its place here.
      sidebar: [
        {
          label: 'Start here',
          translations: { es: 'Empiece aquí' },
          items: [{ slug: 'index' }, { slug: 'is-it-right-for-me' }],
        },
        {
          label: 'Understanding treatment',
          translations: { es: 'Entender el tratamiento' },
          items: [{ slug: 'types-of-treatment' }, { slug: 'how-it-works' }, { slug: 'what-the-research-shows' }],
        },
        {
          label: 'Your treatment day',
          translations: { es: 'El día de su tratamiento' },
          items: [
            { slug: 'preparing-for-your-session' },
            { slug: 'what-a-session-is-like' },
            { slug: 'after-your-session' },
            { slug: 'psychotherapy-and-integration' },
          ],
        },
        {
          label: 'Safety',
          translations: { es: 'Seguridad' },
          items: [{ slug: 'risks-and-side-effects' }, { slug: 'myths-and-facts' }, { slug: 'legal-status-and-safe-settings' }],
        },
        {
          label: 'Help and reference',
          translations: { es: 'Ayuda y consulta' },
          items: [{ slug: 'questions-to-ask' }, { slug: 'getting-help-now' }, { slug: 'glossary' }, { slug: 'printable-handouts' }, { slug: 'about-this-guide' }],
        },
      ],
    }),
    // After starlight(): its build hook writes the Pagefind index this one precaches.
    guideOffline(),
    // Content links are written from the site root ("/glossary/"); this adds the base path to them.
    guideBaseLinks(),
    // Questions typed the way people talk ("can I drive after") find the page that answers them.
    guideSearchTerms(),
    // Checklist boxes are for paper: hidden from screen readers on screen.
    guideTaskListBoxes(),
    // Page bodies may not carry script, frames, forms, <meta>/<base> or javascript: links (fails the build).
    guideBodyHtmlCheck(),
  ],
});
