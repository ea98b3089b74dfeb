import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { transcribe } from '../../src/index.js';
import type { FaultAdapter, ModelSetup } from './support/adapter.js';
import { FaultServer } from './support/fault-server.js';
import { expectHangup, runFaultCase, serveAuxiliaryRoutes } from './support/case-harness.js';
import { loadAdapters } from './support/load-adapters.js';
import { FaultMatrix } from './support/matrix.js';
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
  await runFaultCase(server, [SECRET], async ({ caller, errors }) => {
    const model = (setup: Partial<ModelSetup> = {}) => adapter.transcriptionModel!({ baseURL: server.url, secret: SECRET, ...setup });
    const context: TranscriptionFaultContext = {
      server,
      wire: adapter.transcription!,
      model,
      async run(options = {}): Promise<TranscriptionOutcome> {
        serveAuxiliaryRoutes(server, adapter, SECRET);
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
      expectHangup: () => expectHangup(server),
    };
    await run(context);
  });
}
