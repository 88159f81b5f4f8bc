/**
 * `npm run serve`: serves the built guide (dist/) on the local network, so a clinic
 * tablet or kiosk can open it without internet. Uses the same static server as the
 * handout renderer, with the site's own `_headers` (the security headers a web host
 * would send) and only the host names it prints.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HANDOUT_INDEX_FILE } from '../src/contracts/handout-index.ts';
import { ContractError } from '../src/contracts/friendly-parse.ts';
import { readHandoutIndex } from '../src/handouts/pages.ts';
import { normalizeBase } from '../src/lib/base-path.ts';
import { serveStatic } from '../src/handouts/server.ts';
import { parseServeCli, reachableHosts, SERVE_HELP, ServeUsageError } from './serve/cli.ts';
import { headersFor, loadHeaderRules } from './serve/headers.ts';

/** The base path the site was built for, as recorded in the build. */
async function builtBase(dir: string): Promise<string> {
  if (!existsSync(join(dir, HANDOUT_INDEX_FILE))) {
    throw new ServeUsageError(`No built guide in "${dir}". Run "npm run build" first, or pass --dir <folder>.`);
  }
  return (await readHandoutIndex(dir)).base;
}

async function main(): Promise<void> {
  const options = parseServeCli(process.argv.slice(2));
  if (options.help) {
    console.log(SERVE_HELP);
    return;
  }
  const base = normalizeBase(options.base ?? (await builtBase(options.dir)));
  const rules = await loadHeaderRules(join(options.dir, '_headers')).catch((error: Error) => {
    throw new ServeUsageError(error.message);
  });
  const hosts = reachableHosts(options.host);
  const server = await serveStatic({
    root: options.dir,
    base,
    host: options.host,
    port: options.port,
    headers: (urlPath) => headersFor(rules, urlPath),
    allowedHosts: ['localhost', '127.0.0.1', '::1', hosts.local, ...hosts.network],
  });
  const port = new URL(server.origin).port;
  const address = (host: string): string => `http://${host.includes(':') ? `[${host}]` : host}:${port}${base}`;
  console.log(`Serving the patient guide from ${options.dir}/`);
  console.log(`  On this computer:     ${address(hosts.local)}`);
  for (const host of hosts.network) console.log(`  On the local network: ${address(host)}`);
  if (hosts.network.length > 0) {
    console.log('Open the local network address on the tablet or kiosk (same Wi-Fi or network).');
    console.log('Saving pages for offline use needs https or this computer itself; over the local');
    console.log('network the tablet reads the pages from this computer while it keeps running.');
  }
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof ServeUsageError || error instanceof ContractError;
  const listen =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? 'That port is in use: pick another with --port.'
      : undefined;
  console.error(
    `Could not serve the guide: ${known ? (error as Error).message : (listen ?? (error as Error).stack ?? String(error))}`,
  );
  process.exitCode = 1;
});
