/**
 * The one way a step reads a file another step wrote: parse it against the
 * contract's schema and, when it does not fit, say which file, which field,
 * what was expected, and how to make it again. Never `JSON.parse(text) as T`.
 */
import type { z } from 'astro/zod';

/** A hand-off file is missing, unreadable or has the wrong shape; the message says how to fix it. */
export class ContractError extends Error {
  override name = 'ContractError';
}

/** "pages[3].title": the path of a field as a person would write it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
      '',
    ) || '(the whole file)'
  );
}

/** One line per problem: the field and what it should have been. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? `\`${fieldPath([...issue.path])}\` has unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`
      : `\`${fieldPath(issue.path)}\` ${issue.message}`,
  );
}

/** What the file is and how to make it again, for the error message. */
export interface ContractSource {
  /** Path of the file as the user would find it, e.g. "dist/handout-pages.json". */
  file: string;
  /** The command that writes it again, e.g. "npm run build". */
  rebuild: string;
}

/** Parses `text` as JSON that must match `schema`; throws a ContractError naming the file, each field and the fix. */
export function parseContract<Schema extends z.ZodType>(
  schema: Schema,
  text: string,
  source: ContractSource,
): z.output<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContractError(
      `"${source.file}" is not valid JSON (${(error as Error).message}). Make it again: ${source.rebuild}`,
    );
  }
  return checkContract(schema, json, source);
}

/** Checks an already-parsed value against `schema` (writers call this too, so they never write a wrong shape). */
export function checkContract<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  source: ContractSource,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = describeIssues(result.error.issues).map((line) => `  - ${line}`);
  throw new ContractError(
    [
      `"${source.file}" does not have the shape this version expects:`,
      ...lines,
      `It was probably written by another version of the guide. Make it again: ${source.rebuild}`,
    ].join('\n'),
  );
}
