/**
 * Starting the project's own tools as child processes: the pinned Node
 * (node_modules/.bin/node, see package.json) and the command-line tools npm installed
 * (astro, vitest...). They run from the project root with node_modules/.bin first on
 * PATH, exactly as `npm run` runs them, so a child never falls back to an older system Node.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, whatever the current directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ToolOptions {
  /** Variables added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  /** Folder to run in; the project root by default (tests run a copy of the project elsewhere). */
  cwd?: string;
}

/** This process's environment with `env` added and the project's bin folder first on PATH. */
export function toolEnvironment(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const path = [join(PROJECT_ROOT, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(delimiter);
  return { ...process.env, PATH: path, ...env };
}

/** Starts `command` ("node", "astro"...) the way an npm script would. Output is piped unless `stdio` says otherwise. */
export function spawnTool(command: string, args: string[], options: ToolOptions = {}): ChildProcess {
  return spawn(command, args, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: toolEnvironment(options.env),
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
}

export interface ToolResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock seconds from start to exit. */
  seconds: number;
}

/** Runs `command` to its end and collects its output; after `timeoutMs` (if given) it is killed. */
export function runTool(
  command: string,
  args: string[],
  options: ToolOptions & { timeoutMs?: number } = {},
): Promise<ToolResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawnTool(command, args, { env: options.env, cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer =
      options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}
