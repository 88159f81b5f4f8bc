/** Command-line options of `npm run serve`, and the addresses a tablet can open. */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { parseArgs } from 'node:util';

export interface ServeCliOptions {
  /** Built site to serve. */
  dir: string;
  /** Interface to listen on; 0.0.0.0 means every network this computer is on. */
  host: string;
  port: number;
  /** Base path, when given; otherwise read from the build (handout-pages.json). */
  base: string | undefined;
  help: boolean;
}

export const SERVE_HELP = `Serve the built guide on this computer and the local network, e.g. for a clinic tablet or kiosk.

Usage: npm run serve -- [options]

Options:
  --host <address>   Where to listen. Default: 0.0.0.0 (every network of this computer).
                     Use 127.0.0.1 to serve this computer only.
  --port <number>    Port to listen on. Default: 8080 (0 picks a free one)
  --dir <folder>     Built site to serve. Default: dist
  --base <path>      Base path the site was built for. Default: read from the build
  -h, --help         Show this help

Run "npm run build" first.`;

/** Raised for a flag or value the command does not accept; its message is meant for people. */
export class ServeUsageError extends Error {
  override name = 'ServeUsageError';
}

const SERVE_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  dir: { type: 'string' },
  base: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseServeCli(args: string[]): ServeCliOptions {
  let values: ReturnType<
    typeof parseArgs<{ args: string[]; strict: true; allowPositionals: false; options: typeof SERVE_OPTIONS }>
  >['values'];
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options: SERVE_OPTIONS }));
  } catch (error) {
    throw new ServeUsageError(`${(error as Error).message}\nRun "npm run serve -- --help" to see the options.`);
  }
  const port = Number(values.port ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ServeUsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  return {
    dir: values.dir ?? 'dist',
    host: values.host ?? '0.0.0.0',
    port,
    base: values.base,
    help: values.help ?? false,
  };
}

/** Hosts of this computer a person can type: loopback first, then each local network address. */
export function reachableHosts(
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): { local: string; network: string[] } {
  const all = host === '0.0.0.0' || host === '::';
  if (!all) return { local: host, network: [] };
  const network = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
  return { local: 'localhost', network };
}
