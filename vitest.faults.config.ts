import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Node transport as the built package uses it on Node: send-request's
 * `./transport.js` becomes `src/http/node/transport.ts` (`node:http` with its
 * own keep-alive agents), talking to the real fault server.
 */
const nodeTransport: Plugin = {
  name: 'aigc-node-transport',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './transport.js' && importer && /[\\/]src[\\/]http[\\/]send-request\.ts$/.test(importer)) {
      return fileURLToPath(new URL('./src/http/node/transport.ts', import.meta.url));
    }
    return undefined;
  },
};

/**
 * The reliability suite (issue 11, docs/reliability.md): the fault-injection
 * matrix against a real HTTP server on 127.0.0.1, parser fuzzing, secret
 * hygiene and limits. Kept out of `npm test` (its own config) because it is
 * slower; run with `npm run test:faults`. `FUZZ_RUNS=100000 npm run
 * test:faults` fuzzes harder. The fault matrix runs over both transports:
 * the global `fetch` (every runtime) and the `node:http` transport (Node's
 * default).
 */
export default defineConfig({
  test: {
    setupFiles: ['test/faults/support/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'faults-fetch', include: ['test/faults/**/*.test.ts'], env: { FAULT_TRANSPORT: 'fetch' } } },
      {
        extends: true,
        plugins: [nodeTransport],
        test: { name: 'faults-node', include: ['test/faults/*-matrix.test.ts'], env: { FAULT_TRANSPORT: 'node' } },
      },
    ],
  },
});
