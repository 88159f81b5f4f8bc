// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { clinic } from './clinic.config.ts';

// Tests and the handout benchmark build into their own folders, so a test run
// never overwrites the clinic's dist/ (see tests/e2e/global-setup.ts).
const outDir = process.env.GUIDE_OUT_DIR ?? './dist';
const cacheDir = process.env.GUIDE_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site: clinic.siteUrl,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'Ketamine Therapy: A Patient Guide',
      description: `Plain-language answers about ketamine-assisted therapy from ${clinic.name}.`,
      lastUpdated: false,
      pagination: true,
      customCss: ['./src/styles/guide.css'],
      components: {
        MarkdownContent: './src/components/MarkdownContent.astro',
      },
      sidebar: [
        {
          label: 'Patient guide',
          items: [{ autogenerate: { directory: '' } }],
        },
      ],
    }),
  ],
});
