/**
 * Fault injection, loaded with `node --import` into `npm run pdf`: once the run
 * has printed its first finished PDF, throws an error nobody catches, the way a
 * bug in an event handler would. Used by tests/e2e/faults.test.ts.
 */
export {};

const write = process.stdout.write.bind(process.stdout);
let thrown = false;
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  if (!thrown && /^\[1\//m.test(String(chunk))) {
    thrown = true;
    setImmediate(() => {
      throw new Error('injected uncaught error');
    });
  }
  return write(chunk, ...rest);
}) as typeof process.stdout.write;
