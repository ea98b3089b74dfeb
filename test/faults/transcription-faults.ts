import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'vitest';
import { AigcError, APICallError } from '../../src/index.js';
import type { TranscriptionModel } from '../../src/provider/index.js';
import type { ModelSetup, TranscriptionWire } from './support/adapter.js';
import type { FaultServer } from './support/fault-server.js';

export const TRANSCRIPT = '你好，世界';

/** How a transcription call ended. */
export type TranscriptionOutcome = { ok: true; text: string; settledAt: number } | { ok: false; error: unknown; settledAt: number };

/** What one transcription fault case gets. */
export interface TranscriptionFaultContext {
  server: FaultServer;
  wire: TranscriptionWire;
  model(setup?: Partial<ModelSetup>): TranscriptionModel;
  run(options?: { maxRetries?: number; timeout?: number; abortSignal?: AbortSignal }): Promise<TranscriptionOutcome>;
  expectHangup(): Promise<void>;
}

/** One row of the transcription matrix. */
export interface TranscriptionFault {
  name: string;
  run(context: TranscriptionFaultContext): Promise<void>;
}

type Action = (response: ServerResponse, request: IncomingMessage, body: string) => void;

function serve(context: TranscriptionFaultContext, script: (attempt: number) => Action | undefined = () => undefined): void {
  context.server.reset(({ attempt, request, response, body }) => {
    const path = new URL(request.url ?? '/', context.server.url).pathname;
    if (!context.wire.isTranscribe(path)) {
      response.writeHead(404, { 'content-type': 'application/json' });
      return void response.end('{"error":"no such route"}');
    }
    const scripted = script(attempt);
    if (scripted) return scripted(response, request, body);
    json(200, context.wire.success(TRANSCRIPT))(response, request, body);
  });
}

function json(status: number, body: string, headers: Record<string, string> = {}): Action {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };
}

function failure(outcome: TranscriptionOutcome): unknown {
  if (outcome.ok) throw new Error(`expected the transcription to fail, but it returned ${JSON.stringify(outcome.text)}`);
  return outcome.error;
}

function expectTranscript(outcome: TranscriptionOutcome): void {
  if (!outcome.ok) throw outcome.error;
  expect(outcome.text).toBe(TRANSCRIPT);
}

export const transcriptionFaults: TranscriptionFault[] = [
  {
    name: 'audio transcribed',
    async run(context) {
      serve(context);
      expectTranscript(await context.run());
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: '503 retry-after-ms: 0 → success',
    async run(context) {
      serve(context, (attempt) => (attempt === 1 ? json(503, context.wire.errorBody('busy'), { 'retry-after-ms': '0' }) : undefined));
      expectTranscript(await context.run());
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: 'body breaks mid-way → retried → success',
    async run(context) {
      serve(context, (attempt) =>
        attempt === 1
          ? (response, request) => {
              response.removeHeader('connection');
              response.writeHead(200, { 'content-type': 'application/json' });
              const body = context.wire.success(TRANSCRIPT);
              response.write(body.slice(0, body.length >> 1), () => setTimeout(() => request.socket.destroy(), 10));
            }
          : undefined,
      );
      expectTranscript(await context.run({ maxRetries: 1 }));
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '400 is not retried',
    async run(context) {
      serve(context, () => json(400, context.wire.errorBody('bad audio')));
      const error = failure(await context.run());
      expect(APICallError.isInstance(error), String(error)).toBe(true);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'HTML page with 200',
    async run(context) {
      serve(context, () => (response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html><body>502 Bad Gateway</body></html>');
      });
      expect(AigcError.isInstance(failure(await context.run()))).toBe(true);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'stall > timeout',
    async run(context) {
      serve(context, () => () => {});
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
      serve(context, () => () => arrived());
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
      // Echoes the headers, the URL and the body (Baidu sends its token in the JSON body).
      serve(context, () => (response, request, body) =>
        json(401, context.wire.errorBody(`denied: ${JSON.stringify(request.headers)} ${request.url} ${body.slice(0, 2_000)}`))(response, request, body),
      );
      expect(AigcError.isInstance(failure(await context.run({ maxRetries: 0 })))).toBe(true);
    },
  },
];
