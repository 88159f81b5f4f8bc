import { fileURLToPath } from 'node:url';

/** The project root, whatever the current directory. */
export { PROJECT_ROOT } from '../../scripts/project-tools.ts';

/**
 * Where the e2e build goes, away from the clinic's own dist/. GUIDE_TEST_OUT
 * moves it, so two test runs on one machine do not overwrite each other.
 */
export const TEST_OUT = process.env.GUIDE_TEST_OUT ?? fileURLToPath(new URL('../../.test-out/', import.meta.url));
