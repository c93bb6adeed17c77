import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'happy-dom',
    // The corpus-driven tests parse ~120 saved pages; a loaded 2-core CI machine needs the room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
