import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './paths.ts';

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command from the project root with the project's own Node first on
 * PATH (the same way npm scripts run), and collects its output.
 */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 300_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: PROJECT_ROOT,
      // Vitest sets NODE_ENV=test, and Astro then builds in development mode (Starlight
      // replaces search with a "production builds only" notice); builds under test must match real ones.
      env: { ...process.env, NODE_ENV: 'production', PATH: `${PROJECT_ROOT}node_modules/.bin:${process.env.PATH ?? ''}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
