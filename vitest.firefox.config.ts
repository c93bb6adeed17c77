import { defineConfig } from 'vitest/config';

// End-to-end tests of the Firefox build in Debian's Firefox ESR (tests/e2e-firefox/support).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e-firefox/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one browser at a time.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
