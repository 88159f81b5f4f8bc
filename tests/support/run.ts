import { runTool, type ToolResult } from '../../scripts/project-tools.ts';

export type CommandResult = Omit<ToolResult, 'seconds'>;

/**
 * Runs a command from the project root (or `cwd`, e.g. a copy of the project) with the project's own Node first on
 * PATH (the same way npm scripts run), and collects its output.
 */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 300_000,
  cwd?: string,
): Promise<CommandResult> {
  // Vitest sets NODE_ENV=test, and Astro then builds in development mode (Starlight
  // replaces search with a "production builds only" notice); builds under test must match real ones.
  // Vitest's workers also set Vite's own variables (BASE_URL, MODE...), and a BASE_URL in the
  // environment overrides the base path Astro takes from siteUrl: a build gets none of them.
  const viteVariables = { BASE_URL: undefined, MODE: undefined, DEV: undefined, PROD: undefined, SSR: undefined };
  return runTool(command, args, { env: { ...viteVariables, NODE_ENV: 'production', ...env }, timeoutMs, cwd });
}
