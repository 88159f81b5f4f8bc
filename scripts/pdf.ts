/**
 * `npm run pdf`: prints the built site's pages as PDF handouts again, then brings
 * the Handouts pages, the search index and the service worker up to date (the
 * pipeline's steps 2-5, src/plugin/pipeline.ts). The work is done by the library;
 * this file only wires the command line, printing its events, Ctrl-C and exit codes.
 */
import { ContractError } from '../src/contracts/friendly-parse.ts';
import { BrowserNotFoundError } from '../src/handouts/browser.ts';
import type { HandoutEvent } from '../src/handouts/events.ts';
import { HELP, parseCli } from './pdf/cli.ts';
import { clinic } from '../clinic.config.ts';
import { papersFor } from '../src/lib/handout-files.ts';
import { UsageError } from '../src/handouts/pages.ts';
import { formatEvent } from '../src/handouts/report.ts';
import { HandoutRunError } from '../src/handouts/run.ts';
import { runPipelineAfterPages } from '../src/plugin/pipeline.ts';

async function main(): Promise<number> {
  const options = parseCli(process.argv.slice(2), papersFor(clinic.paperSize));
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      console.error(`\nReceived ${signal} again: still cleaning up, one moment...`);
      return;
    }
    console.error(`\nReceived ${signal}: stopping and cleaning up...`);
    controller.abort(signal);
  };
  // An error nobody caught (a bug) stops the run like Ctrl-C, so the browser, the server
  // and the staging folder are still cleaned up, and the exit code says it failed.
  const crash = (error: unknown): void => {
    console.error(`\nUnexpected error: ${(error as Error)?.stack ?? String(error)}\nStopping and cleaning up...`);
    if (!controller.signal.aborted) controller.abort('error');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  try {
    const onEvent = (event: HandoutEvent): void => {
      const line = formatEvent(event);
      if (line !== undefined) console.log(line);
    };
    const summary = await runPipelineAfterPages(options, { signal: controller.signal, onEvent });
    onEvent({
      type: 'done',
      written: summary.written.length,
      kept: summary.kept.length,
      seconds: summary.seconds,
      out: options.out,
    });
    return 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
    const exitCodes: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
    if (controller.signal.aborted) process.exitCode = exitCodes[String(controller.signal.reason)] ?? 1;
  }
}

// Exit as soon as the run is over and everything it started is closed: a timer left
// behind inside Puppeteer after a browser crash would otherwise keep a finished run
// waiting for half a minute.
main().then(
  (code) => {
    process.exit(process.exitCode ?? code);
  },
  (error: unknown) => {
    const known =
      error instanceof UsageError ||
      error instanceof BrowserNotFoundError ||
      error instanceof HandoutRunError ||
      error instanceof ContractError;
    console.error(`\nHandouts failed: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}`);
    process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
  },
);
