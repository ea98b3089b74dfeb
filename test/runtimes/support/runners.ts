// One runner per runtime: each runs test/runtimes/app against the emulator in
// that runtime and resolves to the smoke report. Bundled runtimes (workerd,
// edge VM, browser) are bundled with esbuild under the export conditions their
// own tooling applies, as a user's build would.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { launchChromium } from './chromium.js';
import { appDir, outDir, runtimeBinaries } from './paths.js';
import { runProcess, startProcess } from './run-process.js';

export interface SmokeResult {
  status: 'ok' | 'missing' | 'error';
  reason?: string;
  value?: Record<string, unknown>;
  error?: { name?: string; message: string; stack?: string };
}
export interface SmokeReport {
  runtime: string;
  results: Record<string, SmokeResult>;
  /** One call through each other provider entry (`aigc/baidu`, …). */
  providers: Record<string, SmokeResult>;
  /** The names each package entry exports, as loaded in the runtime. */
  entries: Record<string, string[]>;
  /** The target of the package's `#transport` import the runtime loaded: `transport/fetch.js`, `transport/node.js` or `none`. */
  transport?: string;
  /** Console errors of the page (browser only). */
  consoleErrors?: string[];
}

const cli = path.join(appDir, 'cli.mjs');

async function runCli(runtime: string, binary: string | undefined, args: string[], emulatorURL: string, env?: NodeJS.ProcessEnv): Promise<SmokeReport> {
  if (!binary) throw new Error(`${runtime}: binary not installed (test/runtimes/toolchain)`);
  const output = await runProcess(binary, [...args, cli, emulatorURL, runtime], { cwd: path.dirname(appDir), env });
  const line = output.stdout.split('\n').find((candidate) => candidate.startsWith('AIGC_SMOKE '));
  if (output.code !== 0 || !line) {
    throw new Error(`${runtime} exited with ${output.code}\n--- stdout\n${output.stdout}\n--- stderr\n${output.stderr}`);
  }
  return JSON.parse(line.slice('AIGC_SMOKE '.length)) as SmokeReport;
}

/** Bundles an app entry as the named platform's tooling would. */
async function bundle(entry: string, outfile: string, options: { platform: 'browser' | 'neutral'; conditions: string[]; format: 'esm' | 'iife' }) {
  const result = await build({
    entryPoints: [path.join(appDir, entry)],
    outfile,
    metafile: true,
    bundle: true,
    format: options.format,
    platform: options.platform,
    conditions: options.conditions,
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const transport = inputs.map((input) => /dist\/(transport\/\w+\.js)$/.exec(input)?.[1]).filter(Boolean);
  return { code: readFileSync(outfile, 'utf8'), transport: transport.length ? transport.join(' + ') : 'none' };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function waitForHttp(url: string, isDead: () => boolean, describe: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`server exited before listening:\n${describe()}`);
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer from ${url} within 30 s:\n${describe()}`);
}

export const runNode20 = (emulatorURL: string) => runCli('node20', process.execPath, [], emulatorURL);

export const runNode22 = (emulatorURL: string) => runCli('node22', runtimeBinaries().node22, [], emulatorURL);

export const runBun = (emulatorURL: string) =>
  runCli('bun', runtimeBinaries().bun, ['--no-install'], emulatorURL, { BUN_INSTALL_CACHE_DIR: path.join(outDir, 'bun-cache'), DO_NOT_TRACK: '1' });

export const runDeno = (emulatorURL: string) =>
  runCli('deno', runtimeBinaries().deno, ['run', '--no-lock', '--allow-net=127.0.0.1', '--allow-read', '--allow-env'], emulatorURL, {
    DENO_DIR: path.join(outDir, 'deno-cache'),
    DENO_NO_UPDATE_CHECK: '1',
  });

/** Cloudflare Workers: wrangler's conditions, served by workerd with outbound access to loopback only. */
export async function runWorkerd(emulatorURL: string): Promise<SmokeReport> {
  const binary = runtimeBinaries().workerd;
  if (!binary) throw new Error('workerd: binary not installed (test/runtimes/toolchain)');
  const dir = path.join(outDir, 'workerd');
  mkdirSync(dir, { recursive: true });
  const { transport } = await bundle('worker.mjs', path.join(dir, 'worker.js'), { platform: 'neutral', conditions: ['workerd', 'worker', 'browser'], format: 'esm' });
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smokeWorker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const smokeWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
);
`,
  );
  const server = startProcess(binary, ['serve', 'config.capnp'], { cwd: dir });
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(origin, server.exited, server.output);
    const response = await fetch(`${origin}/?mock=${encodeURIComponent(emulatorURL)}`);
    const body = await response.text();
    if (!response.ok) throw new Error(`workerd answered ${response.status}: ${body}\n${server.output()}`);
    return { ...(JSON.parse(body) as SmokeReport), transport };
  } finally {
    await server.stop();
  }
}

/** Vercel Edge: Next.js's edge conditions, evaluated in @edge-runtime/vm (no Node globals, no require). */
export async function runEdgeVM(emulatorURL: string): Promise<SmokeReport> {
  const { code, transport } = await bundle('global.mjs', path.join(outDir, 'edge', 'smoke.js'), { platform: 'neutral', conditions: ['edge-light', 'worker', 'browser'], format: 'iife' });
  const vm = new EdgeVM();
  if (vm.evaluate('typeof process + typeof require') !== 'undefinedundefined') throw new Error('edge VM exposes Node globals');
  vm.evaluate(code);
  const json = (await vm.evaluate(`aigcSmoke(${JSON.stringify(emulatorURL)}, "edge-runtime")`)) as string;
  return { ...(JSON.parse(json) as SmokeReport), transport };
}

/**
 * Browsers: the browser bundle in a page served on 127.0.0.1, the emulator
 * proxied on the same origin (it sends no CORS headers).
 */
export async function runChromium(emulatorURL: string): Promise<SmokeReport> {
  const { code: script, transport } = await bundle('global.mjs', path.join(outDir, 'browser', 'smoke.js'), { platform: 'browser', conditions: [], format: 'esm' });
  const upstream = new URL(emulatorURL);
  const server = http.createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><meta charset="utf-8"><title>aigc smoke</title><script type="module" src="/smoke.js"></script>');
    } else if (request.url === '/smoke.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else if (request.url === '/favicon.ico') {
      response.writeHead(204).end();
    } else {
      const proxied = http.request({ host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      proxied.on('error', (error) => response.destroy(error));
      request.pipe(proxied);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => typeof (globalThis as { aigcSmoke?: unknown }).aigcSmoke === 'function', undefined, { timeout: 15_000 });
    const json = await page.evaluate(
      (base) => (globalThis as unknown as { aigcSmoke: (url: string, runtime: string) => Promise<string> }).aigcSmoke(base, 'chromium'),
      origin,
    );
    return { ...(JSON.parse(json) as SmokeReport), consoleErrors, transport };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
