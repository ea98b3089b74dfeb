import { createServer } from 'node:net';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { FaultAdapter, ModelSetup } from './support/adapter.js';
import { FaultServer } from './support/fault-server.js';
import { expectHangup, runFaultCase, serveAuxiliaryRoutes } from './support/case-harness.js';
import { loadAdapters } from './support/load-adapters.js';
import { FaultMatrix } from './support/matrix.js';
import { runText, type TextMode } from './support/run-text.js';
import { textFaults, type TextFaultContext } from './text-faults/index.js';

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
  await runFaultCase(server, [SECRET], async ({ caller, errors }) => {
    const model = (setup: Partial<ModelSetup> = {}) => adapter.languageModel!({ baseURL: setup.baseURL ?? server.url, secret: SECRET, ...setup });
    await run({
      server,
      wire: adapter.text!,
      mode,
      refusedURL,
      secret: SECRET,
      model,
      async run(options = {}) {
        serveAuxiliaryRoutes(server, adapter, SECRET);
        const outcome = await runText({ model: options.model ?? model(), mode, maxRetries: 2, abortSignal: caller.signal, ...options });
        if (!outcome.ok) errors.push(outcome.error);
        return outcome;
      },
      expectHangup: () => expectHangup(server),
    });
  });
}
