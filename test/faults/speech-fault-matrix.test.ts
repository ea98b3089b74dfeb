import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { speak, streamSpeech } from '../../src/index.js';
import type { FaultAdapter, ModelSetup } from './support/adapter.js';
import { FaultServer } from './support/fault-server.js';
import { expectHangup, runFaultCase, serveAuxiliaryRoutes } from './support/case-harness.js';
import { loadAdapters } from './support/load-adapters.js';
import { FaultMatrix } from './support/matrix.js';
import { speechFaults, type SpeechFaultContext, type SpeechMode, type SpeechOutcome } from './speech-faults.js';

/** The marker every credential is set to; it must never show in an error or a log line. */
const SECRET = 'sk-SPEECHSECRET-1a2b3c4d5e';

const adapters = (await loadAdapters()).filter((adapter) => adapter.speechModel && adapter.speech);
const matrix = new FaultMatrix(`Speech fault matrix (speak, streamSpeech), transport: ${process.env.FAULT_TRANSPORT ?? 'fetch'}`);
const server = new FaultServer();

beforeAll(() => server.listen());

afterAll(async () => {
  await server.close();
  const table = matrix.render();
  console.log(`\n${table}\n`);
  if (process.env.FAULT_MATRIX_FILE) appendFileSync(process.env.FAULT_MATRIX_FILE, `${table}\n\n`);
});

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_name, adapter: FaultAdapter) => {
  for (const fault of speechFaults) {
    for (const mode of ['speak', 'stream'] as SpeechMode[]) {
      const column = `${adapter.name} ${mode}`;
      matrix.declare(fault.name, column);
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

async function concat(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const result = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return result;
}

async function runCase(adapter: FaultAdapter, run: (context: SpeechFaultContext) => Promise<void>, mode: SpeechMode): Promise<void> {
  await runFaultCase(server, [SECRET], async ({ caller, errors }) => {
    const model = (setup: Partial<ModelSetup> = {}) => adapter.speechModel!({ baseURL: server.url, secret: SECRET, ...setup });
    const context: SpeechFaultContext = {
      server,
      wire: adapter.speech!,
      mode,
      model,
      async run(options = {}): Promise<SpeechOutcome> {
        serveAuxiliaryRoutes(server, adapter, SECRET);
        const call = { model: model(), text: '你好，世界', maxRetries: options.maxRetries ?? 2, timeout: options.timeout, abortSignal: options.abortSignal ?? caller.signal };
        try {
          const audio = mode === 'speak' ? (await speak(call)).audio.uint8Array : await concat(streamSpeech(call).audioStream);
          return { ok: true, audio, settledAt: performance.now() };
        } catch (error) {
          errors.push(error);
          return { ok: false, error, settledAt: performance.now(), received: 0 };
        }
      },
      expectHangup: () => expectHangup(server),
    };
    await run(context);
  });
}
