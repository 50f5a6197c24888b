import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/shared-files-teardown.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Integration and e2e suites build the site; two cores do not run many of them at once.
    maxWorkers: 2,
  },
});
