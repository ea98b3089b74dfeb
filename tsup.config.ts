import { defineConfig } from 'tsup';

/** One entry per `exports` key of package.json (a test keeps the two in step). */
export const entries = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  'openai/index': 'providers/openai/index.ts',
  'azure/index': 'providers/azure/index.ts',
  'midjourney/index': 'providers/midjourney/index.ts',
  'openai-compatible/index': 'providers/openai-compatible/index.ts',
  'stability/index': 'providers/stability/index.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['zod'],
});
