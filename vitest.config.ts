import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The `node` project runs the provider suites again over the Node transport:
 * send-request's `./transport.js` becomes test/support/node-transport.ts,
 * which sends every request through the `node:http` transport to a local
 * relay that answers from the msw handlers.
 */
const nodeTransport: Plugin = {
  name: 'aigc-node-transport',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './transport.js' && importer && /[\\/]src[\\/]http[\\/]send-request\.ts$/.test(importer)) {
      return fileURLToPath(new URL('./test/support/node-transport.ts', import.meta.url));
    }
    return undefined;
  },
};

export default defineConfig({
  test: {
    // test/runtimes has its own config (vitest.runtimes.config.ts, `npm run test:runtimes`),
    // and so has test/faults (vitest.faults.config.ts, `npm run test:faults`).
    exclude: ['test/live/**', 'test/runtimes/**', 'test/faults/**', 'node_modules/**'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fetch',
          include: ['test/**/*.test.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
        },
      },
      {
        extends: true,
        plugins: [nodeTransport],
        test: { name: 'node', include: ['test/providers/**/*.test.ts'],
          // Added to the root setupFiles (msw), which `extends` merges in.
          setupFiles: ['test/support/node-setup.ts'] },
      },
    ],
  },
});
