import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/runtimes has its own config (vitest.runtimes.config.ts, `npm run test:runtimes`).
    exclude: ['test/live/**', 'test/runtimes/**', 'node_modules/**'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 15_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
