import { defineConfig } from 'vitest/config';

/**
 * `npm run test:runtimes`: the runtime matrix, package checks and docs site
 * (test/runtimes, over the packed package), plus the unit suites of test/core
 * again in the Vercel edge-runtime environment.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'runtimes',
          include: ['test/runtimes/**/*.test.ts'],
          globalSetup: ['test/runtimes/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'edge-runtime',
          environment: 'edge-runtime',
          include: ['test/core/**/*.test.ts'],
          setupFiles: ['test/support/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
