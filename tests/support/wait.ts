/** Waiting for a condition in tests, never for a fixed time. */
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Checks `condition` every `intervalMs` until it returns a value other than undefined,
 * and returns that value; after `timeoutMs` returns undefined, so the caller's
 * assertion says what was still wrong.
 */
export async function pollUntil<T>(
  condition: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined || Date.now() > deadline) return value;
    await delay(intervalMs);
  }
}
