// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { clinic } from './clinic.config.ts';
import guideOffline, { offlineHead } from './src/integrations/offline.ts';
import guideBaseLinks from './src/integrations/base-links.ts';

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
  integrations: [
    starlight({
      title: 'Ketamine Therapy: A Patient Guide',
      description: `Plain-language answers about ketamine-assisted therapy from ${clinic.name}.`,
      lastUpdated: false,
      head: offlineHead(base),
      pagination: true,
      customCss: ['./src/styles/guide.css'],
      components: {
        MarkdownContent: './src/components/MarkdownContent.astro',
      },
      // Groups in reading order; each page's `sidebar.order` matches its place here.
      sidebar: [
        {
          label: 'Start here',
          items: [{ slug: 'index' }, { slug: 'is-it-right-for-me' }],
        },
        {
          label: 'Understanding treatment',
          items: [{ slug: 'types-of-treatment' }, { slug: 'how-it-works' }, { slug: 'what-the-research-shows' }],
        },
        {
          label: 'Your treatment day',
          items: [
            { slug: 'preparing-for-your-session' },
            { slug: 'what-a-session-is-like' },
            { slug: 'after-your-session' },
            { slug: 'psychotherapy-and-integration' },
          ],
        },
        {
          label: 'Safety',
          items: [{ slug: 'risks-and-side-effects' }, { slug: 'myths-and-facts' }, { slug: 'legal-status-and-safe-settings' }],
        },
        {
          label: 'Help and reference',
          items: [{ slug: 'questions-to-ask' }, { slug: 'getting-help-now' }, { slug: 'glossary' }, { slug: 'about-this-guide' }],
        },
      ],
    }),
    // After starlight(): its build hook writes the Pagefind index this one precaches.
    guideOffline(),
    // Content links are written from the site root ("/glossary/"); this adds the base path to them.
    guideBaseLinks(),
  ],
});
