/**
 * Astro integration: warnings that do not stop the build but must not go unseen,
 * printed once at the start of every build and dev server through Astro's logger:
 * made-up values still in the clinic config (src/lib/sample-values.ts) and pages
 * that share a place in the sidebar (src/lib/sidebar.ts).
 */
import type { AstroIntegration } from 'astro';
import type { ClinicConfig } from '../lib/clinic-config.ts';
import { clinicConfigFile } from '../lib/clinic-config.ts';
import { sampleValueWarnings } from '../lib/sample-values.ts';
import { readSidebarPages, sidebarOrderWarnings } from '../lib/sidebar.ts';

/** Every warning for this config and the pages in `docsDir`, one line each. */
export function configWarnings(clinic: ClinicConfig, docsDir?: string): string[] {
  return [...sampleValueWarnings(clinic, clinicConfigFile()), ...sidebarOrderWarnings(readSidebarPages(docsDir))];
}

export default function guideConfigWarnings(clinic: ClinicConfig): AstroIntegration {
  return {
    name: 'guide-config-warnings',
    hooks: {
      'astro:config:done': ({ logger }) => {
        for (const warning of configWarnings(clinic)) logger.warn(warning);
      },
    },
  };
}
