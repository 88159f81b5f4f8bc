import { fileURLToPath } from 'node:url';

/** The project root, whatever the current directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the e2e build goes, away from the clinic's own dist/. */
export const TEST_OUT = fileURLToPath(new URL('../../.test-out/', import.meta.url));
