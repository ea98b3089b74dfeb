import { defineConfig, type Options } from 'tsup';

/** One entry per `exports` key of package.json (a test keeps the two in step). */
export const entries = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  'openai/index': 'providers/openai/index.ts',
  'azure/index': 'providers/azure/index.ts',
  'baidu/index': 'providers/baidu/index.ts',
  'midjourney/index': 'providers/midjourney/index.ts',
  'openai-compatible/index': 'providers/openai-compatible/index.ts',
  'stability/index': 'providers/stability/index.ts',
};

/**
 * The two targets of the package's private `#transport` import (package.json `imports`): Node gets
 * the `node:http` transport, everything else the global fetch. Internal modules, so no `.d.ts`.
 */
export const transportEntries = {
  'transport/fetch': 'src/http/transport.ts',
  'transport/node': 'src/http/node/transport.ts',
};

/**
 * Source code (and so every test run) imports the fetch transport as `./transport.js` (from
 * send-request.ts: the HTTP transport) or `../http/transport.js` (from util/base64.ts: the native
 * base64 decoder); the build emits a bare `#transport` there instead, so each runtime's resolver
 * picks its own target.
 */
const transportImport: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'transport-import',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(http\/)?transport\.js$/ }, (args) =>
      /[\\/]src[\\/](http[\\/]send-request|util[\\/]base64)\.ts$/.test(args.importer) ? { path: '#transport', external: true } : undefined,
    );
  },
};

export default defineConfig({
  entry: { ...entries, ...transportEntries },
  format: ['esm'],
  dts: { entry: entries },
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['zod'],
  esbuildPlugins: [transportImport],
});
