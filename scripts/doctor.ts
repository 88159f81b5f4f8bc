/**
 * `npm run doctor`: prints what a clinic has left to do (sample values in the
 * config, missing translations, reviews, a browser for the handouts). The checks
 * are in src/lib/doctor.ts; this file loads the config, wires the real browser
 * lookup and the review status, and sets the exit code: 0 for advice, 1 when the
 * config or a page's frontmatter would stop the build.
 */
import { fileURLToPath } from 'node:url';
import { BrowserNotFoundError, findBrowserCandidates, INSTALL_HINTS, systemLookup } from '../src/handouts/browser.ts';
import { ClinicConfigError, clinicConfigFile, type ClinicConfig } from '../src/lib/clinic-config.ts';
import { formatReport, runDoctor, type BrowserCheck } from '../src/lib/doctor.ts';
import { reviewsFromRecords } from '../src/review/doctor-source.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The same lookup `npm run pdf` uses, without starting the browser. */
async function checkBrowser(): Promise<BrowserCheck> {
  const tried: string[] = [];
  try {
    const [found] = await findBrowserCandidates(systemLookup(undefined), tried);
    return { found, tried, installHints: INSTALL_HINTS };
  } catch (error) {
    if (error instanceof BrowserNotFoundError)
      return { tried, error: error.message.replace(/\n/g, ' '), installHints: INSTALL_HINTS };
    throw error;
  }
}

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(
      'npm run doctor: lists what is left to do before the guide is your clinic’s (no options; changes no file).',
    );
    return 0;
  }
  let clinic: ClinicConfig;
  try {
    ({ clinic } = await import('../clinic.config.ts'));
  } catch (error) {
    if (error instanceof ClinicConfigError) {
      console.error(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  }
  const report = await runDoctor({
    clinic,
    configFile: clinicConfigFile(),
    checkBrowser,
    reviews: reviewsFromRecords(PROJECT_ROOT, clinic),
  });
  console.log(formatReport(report));
  return report.broken ? 1 : 0;
}

process.exitCode = await main();
