/**
 * `node_modules/.bin/node scripts/bench/test-times.ts <vitest JSON report>`: where the test time goes,
 * one line per test file, slowest first, from a run such as
 *   npx vitest run --project e2e --reporter=json --outputFile=times.json
 * A file's time runs from its start to its end, so its hooks (beforeAll builds) count.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { z } from 'astro/zod';
import { PROJECT_ROOT } from '../project-tools.ts';

const reportSchema = z.object({
  startTime: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      startTime: z.number(),
      endTime: z.number(),
      status: z.string(),
      assertionResults: z.array(z.object({ status: z.string() })),
    }),
  ),
});

export interface FileTime {
  file: string;
  seconds: number;
  tests: number;
  failed: number;
}

/** Per-file wall time from a vitest JSON report, slowest first. */
export function fileTimes(report: unknown): FileTime[] {
  const parsed = reportSchema.parse(report);
  return parsed.testResults
    .map((result) => ({
      file: relative(PROJECT_ROOT, result.name),
      seconds: (result.endTime - result.startTime) / 1000,
      tests: result.assertionResults.length,
      failed: result.assertionResults.filter((test) => test.status === 'failed').length,
    }))
    .sort((a, b) => b.seconds - a.seconds);
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: node scripts/bench/test-times.ts <vitest JSON report>');
  const times = fileTimes(JSON.parse(await readFile(file, 'utf8')));
  const total = times.reduce((sum, time) => sum + time.seconds, 0);
  for (const time of times) {
    const share = ((time.seconds / total) * 100).toFixed(1).padStart(5);
    const failed = time.failed ? `  (${time.failed} failed)` : '';
    console.log(`${time.seconds.toFixed(1).padStart(7)} s ${share}%  ${time.file}  ${time.tests} tests${failed}`);
  }
  console.log(`${total.toFixed(1).padStart(7)} s in test files`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  });
}
