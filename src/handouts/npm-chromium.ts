/**
 * The npm-shipped Chromium (@sparticuz/chromium, step 5 of the browser lookup in browser.ts).
 * It ships compressed; unpacking costs a few seconds and a few hundred MB, so it happens only
 * when this browser is the one about to start, and only into a folder of this run's own.
 *
 * The package unpacks into `os.tmpdir()` and reuses whatever a `chromium` file there already
 * holds: in the shared /tmp, anyone on the machine could plant that file first. Pointing
 * TMPDIR at a fresh folder only this user can open (0700) for the length of the unpack is the
 * one knob it offers.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

/** A browser unpacked for this run; remove `folder` once the browser has closed. */
export interface UnpackedBrowser {
  executablePath: string;
  folder: string;
}

/** What the lookup learns without unpacking anything. */
export interface ShippedChromium {
  /** Extra flags this headless shell needs. */
  args: string[];
  /** Unpacks it into a private folder; called only when it is the browser chosen. */
  unpack: () => Promise<UnpackedBrowser>;
}

/** A new folder in the system temp folder, with a random name, that only this user can open. */
export async function privateFolder(prefix = 'guide-chromium-'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  await chmod(folder, 0o700);
  return folder;
}

/**
 * Runs `unpackToTemp` with the temp folder pointed at a new private folder, and checks that
 * what it returns lies inside that folder. On any failure the folder is removed.
 */
export async function unpackPrivately(
  unpackToTemp: () => Promise<string>,
  makeFolder: () => Promise<string> = privateFolder,
): Promise<UnpackedBrowser> {
  const folder = await makeFolder();
  try {
    const executablePath = await withTempFolder(folder, unpackToTemp);
    if (!executablePath.startsWith(folder + sep)) {
      throw new Error(`it was unpacked to "${executablePath}", outside the private folder ${folder}`);
    }
    return { executablePath, folder };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Calls `start` with TMPDIR set to `folder`, and restores it as soon as `start` returns its
 * promise: the package reads the temp folder before its first await, and nothing else in
 * this process may write into the private folder meanwhile. Should a later version read it
 * after an await, the check in unpackPrivately refuses the result.
 */
function withTempFolder<T>(folder: string, start: () => Promise<T>): Promise<T> {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return start();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

/** Flags of the package that are meant for AWS Lambda and weaken web security: never used here. */
const UNSAFE_FLAGS = ['--disable-web-security', '--allow-running-insecure-content'];

/** The installed package, or undefined when the optional dependency is not installed. Unpacks nothing. */
export async function findShippedChromium(): Promise<ShippedChromium | undefined> {
  let chromium: typeof import('@sparticuz/chromium').default;
  try {
    chromium = (await import('@sparticuz/chromium')).default;
  } catch {
    return undefined;
  }
  const args = chromium.args.filter((arg) => !UNSAFE_FLAGS.includes(arg) && !arg.startsWith('--headless'));
  return { args, unpack: () => unpackPrivately(() => chromium.executablePath()) };
}
