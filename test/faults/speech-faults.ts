import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'vitest';
import { AigcError, APICallError, NetworkError } from '../../src/index.js';
import type { SpeechModel } from '../../src/provider/index.js';
import type { ModelSetup, SpeechWire } from './support/adapter.js';
import type { FaultServer } from './support/fault-server.js';

/** The audio every successful synthesis answers with (an MP3 frame header, then filler). */
export const AUDIO = Uint8Array.from({ length: 4_096 }, (_, index) => (index < 2 ? [0xff, 0xfb][index]! : index % 251));

/** Which speech path a case drives. */
export type SpeechMode = 'speak' | 'stream';

/** How a speech call ended. */
export type SpeechOutcome = { ok: true; audio: Uint8Array; settledAt: number } | { ok: false; error: unknown; settledAt: number; received: number };

/** What one speech fault case gets. */
export interface SpeechFaultContext {
  server: FaultServer;
  wire: SpeechWire;
  mode: SpeechMode;
  model(setup?: Partial<ModelSetup>): SpeechModel;
  run(options?: { maxRetries?: number; timeout?: number; abortSignal?: AbortSignal; onBytes?: () => void }): Promise<SpeechOutcome>;
  expectHangup(): Promise<void>;
}

/** One row of the speech matrix. */
export interface SpeechFault {
  name: string;
  run(context: SpeechFaultContext): Promise<void>;
}

type Action = (response: ServerResponse, request: IncomingMessage, body: string) => void;

function serveSpeech(context: SpeechFaultContext, script: (attempt: number) => Action | undefined = () => undefined): void {
  context.server.reset(({ attempt, request, response, body }) => {
    const path = new URL(request.url ?? '/', context.server.url).pathname;
    if (!context.wire.isSynthesize(path)) {
      response.writeHead(404, { 'content-type': 'application/json' });
      return void response.end('{"error":"no such route"}');
    }
    const scripted = script(attempt);
    if (scripted) return scripted(response, request, body);
    response.writeHead(200, { 'content-type': context.wire.audioContentType });
    response.write(AUDIO.subarray(0, 1_024));
    response.end(AUDIO.subarray(1_024));
  });
}

function json(status: number, body: string, headers: Record<string, string> = {}): Action {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };
}

function failure(outcome: SpeechOutcome): unknown {
  if (outcome.ok) throw new Error('expected the speech call to fail, but it returned audio');
  return outcome.error;
}

function expectAudio(outcome: SpeechOutcome): void {
  if (!outcome.ok) throw outcome.error;
  expect(outcome.audio).toEqual(AUDIO);
}

/** Half the audio, then the socket is destroyed with no chunked terminator (a real reset). */
const breakMidBody: Action = (response, request) => {
  response.removeHeader('connection');
  response.writeHead(200, { 'content-type': 'audio/mpeg' });
  response.write(AUDIO.subarray(0, 2_048), () => setTimeout(() => request.socket.destroy(), 10));
};

export const speechFaults: SpeechFault[] = [
  {
    name: 'audio synthesized',
    async run(context) {
      serveSpeech(context);
      expectAudio(await context.run());
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: '503 retry-after-ms: 0 → success',
    async run(context) {
      serveSpeech(context, (attempt) => (attempt === 1 ? json(503, context.wire.errorBody('busy'), { 'retry-after-ms': '0' }) : undefined));
      expectAudio(await context.run());
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: 'body breaks mid-way',
    async run(context) {
      serveSpeech(context, (attempt) => (attempt === 1 ? breakMidBody : undefined));
      const outcome = await context.run({ maxRetries: 1 });
      if (context.mode === 'speak') {
        expectAudio(outcome);
        expect(context.server.attempts).toBe(2);
      } else {
        // Bytes already reached the caller: no retry, a typed error after them.
        expect(NetworkError.isInstance(failure(outcome)), String((outcome as { error?: unknown }).error)).toBe(true);
        expect(context.server.attempts).toBe(1);
      }
    },
  },
  {
    name: '400 is not retried',
    async run(context) {
      serveSpeech(context, () => json(400, context.wire.errorBody('bad text')));
      const error = failure(await context.run());
      expect(APICallError.isInstance(error), String(error)).toBe(true);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'stall > timeout',
    async run(context) {
      serveSpeech(context, () => () => {});
      const started = performance.now();
      const outcome = await context.run({ timeout: 300 });
      expect((failure(outcome) as DOMException).name).toBe('TimeoutError');
      expect(outcome.settledAt - started).toBeLessThan(1_300);
      await context.expectHangup();
    },
  },
  {
    name: 'abort mid-body',
    async run(context) {
      let halfway!: () => void;
      const sent = new Promise<void>((resolve) => (halfway = resolve));
      serveSpeech(context, () => (response) => {
        response.writeHead(200, { 'content-type': context.wire.audioContentType });
        response.write(AUDIO.subarray(0, 1_024), () => halfway());
      });
      const controller = new AbortController();
      const reason = new Error('caller abort');
      const pending = context.run({ abortSignal: controller.signal });
      await sent;
      await new Promise((resolve) => setTimeout(resolve, 20));
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
      // Echoes the headers, the URL and the form body (Baidu sends its token as `tok` there).
      serveSpeech(context, () => (response, request, body) =>
        json(401, context.wire.errorBody(`denied: ${JSON.stringify(request.headers)} ${request.url} ${decodeURIComponent(body)}`))(response, request, body),
      );
      const error = failure(await context.run({ maxRetries: 0 }));
      expect(AigcError.isInstance(error), String(error)).toBe(true);
    },
  },
];
