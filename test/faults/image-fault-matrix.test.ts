import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { generateImage } from '../../src/index.js';
import type { FaultAdapter, ModelSetup } from './support/adapter.js';
import { FaultServer } from './support/fault-server.js';
import { expectHangup, runFaultCase, serveAuxiliaryRoutes } from './support/case-harness.js';
import { loadAdapters } from './support/load-adapters.js';
import { FaultMatrix } from './support/matrix.js';
import type { JobOutcome } from './job-faults.js';
import { imageFaults, type ImageFaultContext } from './image-faults.js';

/** The marker every credential is set to; it must never show in an error or a log line. */
const SECRET = 'sk-IMAGESECRET-3e4f5a6b7c';
/** The secret as it travels: raw, and inside AUTOMATIC1111's basic-auth header. */
const SECRET_FORMS = [SECRET, btoa(`fault-user:${SECRET}`)];

const adapters = (await loadAdapters()).filter((adapter) => adapter.imageModel && adapter.image);
const matrix = new FaultMatrix(`Image fault matrix (generateImage over synchronous image endpoints), transport: ${process.env.FAULT_TRANSPORT ?? 'fetch'}`);
const server = new FaultServer();

beforeAll(() => server.listen());

afterAll(async () => {
  await server.close();
  const table = matrix.render();
  console.log(`\n${table}\n`);
  if (process.env.FAULT_MATRIX_FILE) appendFileSync(process.env.FAULT_MATRIX_FILE, `${table}\n\n`);
});

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_name, adapter: FaultAdapter) => {
  for (const fault of imageFaults) {
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

async function runCase(adapter: FaultAdapter, run: (context: ImageFaultContext) => Promise<void>): Promise<void> {
  await runFaultCase(server, SECRET_FORMS, async ({ caller, errors }) => {
    const model = (setup: Partial<ModelSetup> = {}) => adapter.imageModel!({ baseURL: server.url, secret: SECRET, ...setup });
    const context: ImageFaultContext = {
      server,
      wire: adapter.image!,
      model,
      async run(options = {}): Promise<JobOutcome> {
        serveAuxiliaryRoutes(server, adapter, SECRET);
        try {
          const result = await generateImage({
            model: options.model ?? model(),
            prompt: 'a red fox in snow',
            n: options.n ?? 1,
            maxRetries: options.maxRetries ?? 2,
            timeout: options.timeout,
            abortSignal: options.abortSignal ?? caller.signal,
            maxParallelCalls: options.maxParallelCalls,
            download: options.download,
            providerOptions: adapter.jobProviderOptions,
          });
          return { ok: true, images: result.images.map((image) => image.uint8Array), settledAt: performance.now() };
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
