import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'vitest';
import { AigcError, APICallError } from '../../src/index.js';
import type { ImageModel } from '../../src/provider/index.js';
import type { ImageWire, ModelSetup } from './support/adapter.js';
import type { FaultServer } from './support/fault-server.js';
import { PNG, type JobOutcome, type RunJobCallOptions } from './job-faults.js';

/** What one image fault case gets. */
export interface ImageFaultContext {
  server: FaultServer;
  wire: ImageWire;
  model(setup?: Partial<ModelSetup>): ImageModel;
  run(options?: RunJobCallOptions): Promise<JobOutcome>;
  expectHangup(): Promise<void>;
}

/** One row of the image matrix. */
export interface ImageFault {
  name: string;
  run(context: ImageFaultContext): Promise<void>;
}

type Action = (response: ServerResponse, request: IncomingMessage) => void;

/**
 * Scripts the generate endpoint: the n-th request gets `script(n)` or, by
 * default, a success after `delayMs`. Serves the PNG at `/img/out.png` for
 * providers that answer with URLs. Returns live counters.
 */
function serveImages(context: ImageFaultContext, script: (attempt: number) => Action | undefined = () => undefined, delayMs = 0) {
  const stats = { inFlight: 0, maxInFlight: 0 };
  context.server.reset(() => {});
  context.server.serveAuxiliary(
    (path) => path === '/img/out.png',
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG.byteLength) });
      response.end(PNG);
    },
  );
  // AUTOMATIC1111 polls progress beside a generation when asked to; answer idle.
  context.server.serveAuxiliary(
    (path) => path === '/sdapi/v1/progress',
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ progress: 0, eta_relative: 0, state: {}, current_image: null, textinfo: null }));
    },
  );
  context.server.setHandler(({ attempt, request, response, later }) => {
    const path = new URL(request.url ?? '/', context.server.url).pathname;
    if (!context.wire.isGenerate(path)) {
      response.writeHead(404, { 'content-type': 'application/json' });
      return void response.end('{"error":"no such route"}');
    }
    const scripted = script(attempt);
    if (scripted) return scripted(response, request);
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const answer = () => {
      stats.inFlight--;
      const success = context.wire.success(PNG, `${context.server.url}/img/out.png`);
      response.writeHead(200, { 'content-type': success.contentType, ...success.headers });
      response.end(success.body);
    };
    if (delayMs > 0) later(delayMs, answer);
    else answer();
  });
  return stats;
}

function json(status: number, body: string, headers: Record<string, string> = {}): Action {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };
}

function failure(outcome: JobOutcome): unknown {
  if (outcome.ok) throw new Error('expected the image call to fail, but it returned images');
  return outcome.error;
}

function expectImage(outcome: JobOutcome): void {
  if (!outcome.ok) throw outcome.error;
  expect(outcome.images[0]).toEqual(PNG);
}

export const imageFaults: ImageFault[] = [
  {
    name: 'image generated',
    async run(context) {
      serveImages(context);
      expectImage(await context.run());
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: '503 retry-after-ms: 0 → success',
    async run(context) {
      serveImages(context, (attempt) => (attempt === 1 ? json(503, context.wire.errorBody('busy'), { 'retry-after-ms': '0' }) : undefined));
      expectImage(await context.run());
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: 'reset before headers → success',
    async run(context) {
      serveImages(context, (attempt) => (attempt === 1 ? (_response, request) => void request.socket.destroy() : undefined));
      expectImage(await context.run({ maxRetries: 1 }));
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: 'body breaks mid-way → retried → success',
    async run(context) {
      serveImages(context, (attempt) =>
        attempt === 1
          ? (response, request) => {
              response.removeHeader('connection');
              const success = context.wire.success(PNG, `${context.server.url}/img/out.png`);
              response.writeHead(200, { 'content-type': success.contentType, ...success.headers });
              const body = typeof success.body === 'string' ? success.body : Buffer.from(success.body);
              response.write(body.slice(0, Math.max(1, body.length >> 1)), () => setTimeout(() => request.socket.destroy(), 10));
            }
          : undefined,
      );
      // The model ran and its answer was lost: the retry is a second (billed) generation, documented.
      expectImage(await context.run({ maxRetries: 1 }));
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '400 is not retried',
    async run(context) {
      serveImages(context, () => json(400, context.wire.errorBody('bad prompt')));
      const error = failure(await context.run());
      expect(APICallError.isInstance(error), String(error)).toBe(true);
      expect((error as APICallError).statusCode).toBe(400);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'HTML page with 200',
    async run(context) {
      serveImages(context, () => (response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html><body>502 Bad Gateway</body></html>');
      });
      const error = failure(await context.run());
      expect(AigcError.isInstance(error), String(error)).toBe(true);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'stall > timeout',
    async run(context) {
      serveImages(context, () => () => {});
      const started = performance.now();
      const outcome = await context.run({ timeout: 300 });
      expect((failure(outcome) as DOMException).name).toBe('TimeoutError');
      expect(outcome.settledAt - started).toBeLessThan(1_300);
      await context.expectHangup();
    },
  },
  {
    name: 'abort before headers',
    async run(context) {
      let arrived!: () => void;
      const request = new Promise<void>((resolve) => (arrived = resolve));
      serveImages(context, () => () => arrived());
      const controller = new AbortController();
      const reason = new Error('caller abort');
      const pending = context.run({ abortSignal: controller.signal });
      await request;
      const abortedAt = performance.now();
      controller.abort(reason);
      const outcome = await pending;
      expect(failure(outcome)).toBe(reason);
      expect(outcome.settledAt - abortedAt).toBeLessThan(100);
      await context.expectHangup();
    },
  },
  {
    name: 'secret echoed in a 401 body',
    async run(context) {
      serveImages(context, () => (response, request) => json(401, context.wire.errorBody(`denied: ${JSON.stringify(request.headers)} ${request.url}`))(response, request));
      const error = failure(await context.run({ maxRetries: 0 }));
      expect(AigcError.isInstance(error), String(error)).toBe(true);
    },
  },
  {
    name: 'split calls respect maxParallelCalls: 2',
    async run(context) {
      const perCall = context.model().maxImagesPerCall;
      const stats = serveImages(context, () => undefined, 60);
      const outcome = await context.run({ n: perCall * 4, maxParallelCalls: 2 });
      if (!outcome.ok) throw outcome.error;
      expect(context.server.attempts).toBe(4);
      expect(stats.maxInFlight).toBe(2);
    },
  },
];
