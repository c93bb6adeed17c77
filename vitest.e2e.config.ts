import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in a real headless Chromium (tests/e2e/support).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: one browser at a time.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
