/**
 * Astro integration: passes `patientSearchTerm` (src/lib/search-terms.ts) to
 * Pagefind's UI as its `processTerm` option.
 *
 * Starlight builds the Pagefind UI options from a virtual module that holds only the
 * JSON-serialisable `pagefind` settings, so a function cannot go through
 * astro.config.mjs. This Vite plugin adds it to that module; Starlight's search script
 * spreads the module's object into `new PagefindUI({...})`. If a Starlight update
 * renames the module, tests/e2e/search-queries.test.ts fails on the typed questions.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const PAGEFIND_CONFIG_MODULE = '\0virtual:starlight/pagefind-config';
const TERM_MODULE = fileURLToPath(new URL('../lib/search-terms.ts', import.meta.url));

export default function guideSearchTerms(): AstroIntegration {
  return {
    name: 'guide-search-terms',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'guide-search-terms',
                transform(code, id) {
                  if (id !== PAGEFIND_CONFIG_MODULE) return undefined;
                  return `import { patientSearchTerm } from ${JSON.stringify(TERM_MODULE)};\n${code}\npagefindUserConfig.processTerm = patientSearchTerm;\n`;
                },
              },
            ],
          },
        });
      },
    },
  };
}
