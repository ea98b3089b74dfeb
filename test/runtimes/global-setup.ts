// Global setup of the runtime suite: installs the runtimes when missing,
// builds and packs the package from a copy of the sources (so concurrent
// builds in the working tree cannot interfere), installs the tarball into a
// consumer project as a user would, and starts the provider emulator.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { appDir, consumerDir, outDir, repoRoot, runtimeBinaries, stageDir, toolchainDir } from './support/paths.js';
import './support/provided.js';

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

/** Installs the toolchain lockfile (bun, deno, workerd, node 22) unless every binary is already there. */
function ensureToolchain() {
  if (Object.values(runtimeBinaries()).every(Boolean)) return;
  run('npm', ['ci', '--no-audit', '--no-fund'], toolchainDir);
  const missing = Object.entries(runtimeBinaries()).filter(([, binary]) => !binary).map(([name]) => name);
  if (missing.length) throw new Error(`runtime toolchain: no binary for ${missing.join(', ')} after npm ci in ${toolchainDir}`);
}

/** Everything at the top of the repo but the bulky or test-only folders, copied to stageDir. */
const notStaged = new Set(['node_modules', '.git', '.out', 'dist', 'test', 'docs', 'examples', 'bench']);

function buildAndPack(): string {
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });
  for (const entry of readdirSync(repoRoot)) {
    if (notStaged.has(entry) || entry.endsWith('.tgz')) continue;
    cpSync(path.join(repoRoot, entry), path.join(stageDir, entry), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(stageDir, 'node_modules'), 'dir');
  run(path.join(repoRoot, 'node_modules', '.bin', 'tsup'), ['--silent'], stageDir);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], stageDir)) as [{ filename: string }];
  return path.join(outDir, packed.filename);
}

function installConsumer(tarball: string) {
  const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  rmSync(consumerDir, { recursive: true, force: true });
  mkdirSync(consumerDir, { recursive: true });
  writeFileSync(
    path.join(consumerDir, 'package.json'),
    JSON.stringify({ name: 'aigc-consumer', private: true, type: 'module', dependencies: { aigc: `file:${tarball}`, zod: rootManifest.devDependencies.zod } }, null, 2),
  );
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], consumerDir);
  cpSync(path.join(repoRoot, 'test', 'runtimes', 'app'), appDir, { recursive: true });
  // A module inside the installed package, so `#transport` (package.json `imports`, private to the
  // package) resolves as it does for the package's own code; app/cli.mjs reports the answer.
  writeFileSync(
    path.join(consumerDir, 'node_modules', 'aigc', 'dist', 'transport-probe.mjs'),
    "let transport = 'none';\ntry { transport = import.meta.resolve('#transport'); } catch {}\nexport { transport };\n",
  );
}

/** The names each exports key of the installed package exports, as Node resolves them. */
function exportedNames(): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(path.join(consumerDir, 'node_modules', 'aigc', 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const specifiers = Object.keys(manifest.exports).filter((key) => key !== './package.json').map((key) => `aigc${key.slice(1)}`);
  const script = `const out = {}; for (const s of ${JSON.stringify(specifiers)}) out[s] = Object.keys(await import(s)); console.log(JSON.stringify(out));`;
  return JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], consumerDir)) as Record<string, string[]>;
}

export default async function setup(project: TestProject) {
  mkdirSync(outDir, { recursive: true });
  ensureToolchain();
  const tarball = buildAndPack();
  installConsumer(tarball);
  const emulatorModule = pathToFileURL(path.join(repoRoot, 'examples', 'emulator', 'server.mjs')).href;
  const { startEmulator } = (await import(emulatorModule)) as { startEmulator: () => Promise<{ url: string; close: () => Promise<void> }> };
  const emulator = await startEmulator();
  project.provide('emulatorURL', emulator.url);
  project.provide('tarball', tarball);
  project.provide('exportedNames', exportedNames());
  const manifest = JSON.parse(readFileSync(path.join(consumerDir, 'node_modules', 'aigc', 'package.json'), 'utf8')) as { imports?: Record<string, unknown> };
  project.provide('packageImports', manifest.imports ?? {});
  return async () => {
    await emulator.close();
  };
}

