// `npm run bench`: bundles bench/hot-paths.ts from source (esbuild, Node platform) and runs it.
// Not a test: nothing here asserts a speed. Run it on a quiet machine and compare runs side by side.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const out = fileURLToPath(new URL('../.out/bench/hot-paths.mjs', import.meta.url));
mkdirSync(fileURLToPath(new URL('../.out/bench/', import.meta.url)), { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL('./hot-paths.ts', import.meta.url))],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(out).href);
