import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { transcribe } from '../../src/index.js';
import type { FaultAdapter, ModelSetup } from './support/adapter.js';
import { FaultServer } from './support/fault-server.js';
import { findSecret } from './support/leaks.js';
import { loadAdapters } from './support/load-adapters.js';
import { FaultMatrix } from './support/matrix.js';
import { abortListeners, settleResources, snapshotResources } from './support/resources.js';
import { transcriptionFaults, type TranscriptionFaultContext, type TranscriptionOutcome } from './transcription-faults.js';

/** The marker every credential is set to; it must never show in an error or a log line. */
const SECRET = 'sk-ASRSECRET-6f7a8b9c0d';

const adapters = (await loadAdapters()).filter((adapter) => adapter.transcriptionModel && adapter.transcription);
const matrix = new FaultMatrix(`Transcription fault matrix (transcribe), transport: ${process.env.FAULT_TRANSPORT ?? 'fetch'}`);
const server = new FaultServer();

beforeAll(() => server.listen());

afterAll(async () => {
  await server.close();
  const table = matrix.render();
  console.log(`\n${table}\n`);
  if (process.env.FAULT_MATRIX_FILE) appendFileSync(process.env.FAULT_MATRIX_FILE, `${table}\n\n`);
});

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_name, adapter: FaultAdapter) => {
  for (const fault of transcriptionFaults) {
    matrix.declare(fault.name, adapter.name);
    it(fault.name, async () => {
      let passed = false;
      try {
        await runCase(adapter, fault.run);
        passed = true;
      } finally {
        matrix.record(fault.name, adapter.name, passed ? 'pass' : 'fail');
      }
    });
  }
});

async function runCase(adapter: FaultAdapter, run: (context: TranscriptionFaultContext) => Promise<void>): Promise<void> {
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
  const model = (setup: Partial<ModelSetup> = {}) => adapter.transcriptionModel!({ baseURL: server.url, secret: SECRET, ...setup });
  const context: TranscriptionFaultContext = {
    server,
    wire: adapter.transcription!,
    model,
    async run(options = {}): Promise<TranscriptionOutcome> {
      for (const route of adapter.auxiliaryRoutes?.(SECRET) ?? []) {
        server.serveAuxiliary(route.match, (_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(route.body);
        });
      }
      const { data, mediaType } = adapter.transcription!.audio;
      try {
        const result = await transcribe({
          model: model(),
          audio: data,
          mediaType,
          maxRetries: options.maxRetries ?? 2,
          timeout: options.timeout,
          abortSignal: options.abortSignal ?? caller.signal,
        });
        return { ok: true, text: result.text, settledAt: performance.now() };
      } catch (error) {
        errors.push(error);
        return { ok: false, error, settledAt: performance.now() };
      }
    },
    async expectHangup() {
      const deadline = performance.now() + 1_000;
      while (server.clientHangups === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(server.clientHangups, 'the client closed the socket of the unfinished response').toBeGreaterThanOrEqual(1);
    },
  };
  try {
    await run(context);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  for (const error of errors) expect(findSecret(error, SECRET), 'secret in the error').toEqual([]);
  expect(findSecret(logged, SECRET), 'secret in a log line').toEqual([]);
  expect(abortListeners(caller.signal), 'abort listeners left on the caller signal').toBe(0);
  const leftover = await settleResources(server, baseline);
  server.destroySockets();
  expect(leftover, 'sockets, timers or handles left after the call settled').toEqual([]);
}
