import { createServer } from 'node:net';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FaultAdapter, ModelSetup } from './support/adapter.js';
import { FaultServer } from './support/fault-server.js';
import { findSecret } from './support/leaks.js';
import { loadAdapters } from './support/load-adapters.js';
import { FaultMatrix } from './support/matrix.js';
import { abortListeners, settleResources, snapshotResources } from './support/resources.js';
import { runText, type TextMode } from './support/run-text.js';
import { textFaults, type TextFaultContext } from './text-faults.js';

/** The marker every credential is set to; it must never show in an error or a log line. */
const SECRET = 'sk-FAULTSECRET-5b7e1c9d2f';

const adapters = (await loadAdapters()).filter((adapter) => adapter.languageModel && adapter.text);
const matrix = new FaultMatrix(`Text fault matrix, transport: ${process.env.FAULT_TRANSPORT ?? 'fetch'} (generate = generateText, stream = streamText)`);
const server = new FaultServer();
let refusedURL = '';

beforeAll(async () => {
  await server.listen();
  // A port that was just free: nothing listens there, so connecting is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  refusedURL = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.close();
  const table = matrix.render();
  console.log(`\n${table}\n`);
  if (process.env.FAULT_MATRIX_FILE) appendFileSync(process.env.FAULT_MATRIX_FILE, `${table}\n\n`);
});

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_name, adapter: FaultAdapter) => {
  for (const fault of textFaults) {
    for (const mode of fault.modes ?? (['generate', 'stream'] as TextMode[])) {
      const column = `${adapter.name} ${mode}`;
      matrix.declare(fault.name, column);
      if (fault.needsMaxResponseBytes && !adapter.supportsMaxResponseBytes) continue;
      it(`${fault.name} (${mode})`, async () => {
        let passed = false;
        try {
          await runCase(adapter, fault.run, mode);
          passed = true;
        } finally {
          matrix.record(fault.name, column, passed ? 'pass' : 'fail');
        }
      });
    }
  }
});

async function runCase(adapter: FaultAdapter, run: (context: TextFaultContext) => Promise<void>, mode: TextMode): Promise<void> {
  server.destroySockets();
  server.reset(() => {
    throw new Error('the case set no handler');
  });
  const logged: unknown[][] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args)),
  );
  const caller = new AbortController();
  const errors: unknown[] = [];
  const baseline = snapshotResources();
  const model = (setup: Partial<ModelSetup> = {}) => {
    const baseURL = setup.baseURL ?? server.url;
    return adapter.languageModel!({ baseURL, secret: SECRET, ...setup });
  };
  const context: TextFaultContext = {
    server,
    wire: adapter.text!,
    mode,
    refusedURL,
    secret: SECRET,
    model,
    async run(options = {}) {
      for (const route of adapter.auxiliaryRoutes?.(SECRET) ?? []) {
        server.serveAuxiliary(route.match, (_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(route.body);
        });
      }
      const outcome = await runText({ model: options.model ?? model(), mode, maxRetries: 2, abortSignal: caller.signal, ...options });
      if (!outcome.ok) errors.push(outcome.error);
      return outcome;
    },
    async expectHangup() {
      const deadline = performance.now() + 1_000;
      while (server.clientHangups === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(server.clientHangups, 'the client closed the socket of the unfinished response').toBe(1);
    },
  };
  try {
    await run(context);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  for (const error of errors) expect(findSecret(error, SECRET), `secret in the error: ${String(error)} rawValue=${JSON.stringify((error as { rawValue?: unknown }).rawValue)}`).toEqual([]);
  expect(findSecret(logged, SECRET), 'secret in a log line').toEqual([]);
  expect(abortListeners(caller.signal), 'abort listeners left on the caller signal').toBe(0);
  const leftover = await settleResources(server, baseline);
  server.destroySockets();
  expect(leftover, 'sockets, timers or handles left after the call settled').toEqual([]);
}
