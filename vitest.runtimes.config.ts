import { defineConfig } from 'vitest/config';

/**
 * `npm run test:runtimes`: the runtime matrix, package checks and docs site
 * (test/runtimes, over the packed package), plus the unit and provider suites
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
          // the unit and provider suites (provider wire tests over msw), under edge globals
          include: ['test/{core,schema,stream,util,providers}/**/*.test.ts'],
          setupFiles: ['test/support/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
