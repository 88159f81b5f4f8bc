/**
 * `npm run pdf`: prints the built site's pages as PDF handouts.
 * The work is done by the modules in scripts/handouts/; this file only wires
 * the command line, Ctrl-C and exit codes.
 */
import { BrowserNotFoundError } from './handouts/browser.ts';
import { HELP, parseCli } from './handouts/cli.ts';
import { UsageError } from './handouts/pages.ts';
import { HandoutRunError, runHandouts } from './handouts/run.ts';

async function main(): Promise<number> {
  const options = parseCli(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => {
    console.error(`\nReceived ${signal}: stopping and cleaning up...`);
    controller.abort(signal);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await runHandouts(options, controller.signal);
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (controller.signal.aborted) process.exitCode = controller.signal.reason === 'SIGTERM' ? 143 : 130;
  }
}

main().then(
  (code) => {
    process.exitCode ??= code;
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof BrowserNotFoundError || error instanceof HandoutRunError;
    console.error(`\nHandouts failed: ${known ? (error as Error).message : (error as Error).stack ?? String(error)}`);
    process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
  },
);
