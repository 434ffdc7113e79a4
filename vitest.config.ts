import { defineConfig } from 'vitest/config';

// Sized for a loaded 2-core CI machine. No test depends on timing, so the timeouts are generous:
// they only stop a hung run. Tests that spawn the CLI await it (test/helpers.ts run), so the
// worker keeps answering vitest while the child runs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000, // beforeAll hooks run the CLI too
    teardownTimeout: 60_000,
    // vitest runs max(cores - 1, 1) forks: one on two cores, which leaves the other to the CLI
    // processes the tests spawn.
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
