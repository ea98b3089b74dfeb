import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'vitest';
import { AigcError, APICallError, InvalidResponseError, NetworkError, RetryError } from '../../src/index.js';
import type { LanguageModel } from '../../src/provider/index.js';
import type { ModelSetup, TextWire } from './support/adapter.js';
import type { FaultServer } from './support/fault-server.js';
import type { RunTextOptions, TextMode, TextOutcome } from './support/run-text.js';

/** What one fault case gets. */
export interface TextFaultContext {
  server: FaultServer;
  wire: TextWire;
  mode: TextMode;
  /** A base URL where nothing listens. */
  refusedURL: string;
  /** The marker every credential is set to (the runner checks it shows nowhere). */
  secret: string;
  /** A model pointing at the fault server (or `baseURL`), credentials set to the secret marker. */
  model(setup?: Partial<ModelSetup>): LanguageModel;
  /** Runs the call with the case's model; `abortSignal` defaults to a caller signal that is checked for leaked listeners. */
  run(options?: Partial<RunTextOptions>): Promise<TextOutcome>;
  /** Waits (a little) until the client closed the socket of an unfinished response, failing if it does not. */
  expectHangup(): Promise<void>;
}

/** One row of the matrix. */
export interface TextFault {
  name: string;
  /** The modes the row applies to; both by default. */
  modes?: TextMode[];
  /** Skipped for adapters without `maxResponseBytes`. */
  needsMaxResponseBytes?: boolean;
  run(context: TextFaultContext): Promise<void>;
}

const DELTAS = ['Hel', 'lo, 世', '界'];
const TEXT = DELTAS.join('');
const NO_WAIT = { 'retry-after-ms': '0' };
const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>' +
  '<p>' + 'padding '.repeat(200) + '</p></body></html>';

function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

function success(context: TextFaultContext, response: ServerResponse): void {
  if (context.mode === 'generate') return sendJson(response, 200, context.wire.generateBody(TEXT));
  response.writeHead(200, { 'content-type': context.wire.streamContentType ?? 'text/event-stream' });
  response.end(context.wire.streamBody(DELTAS));
}

function startStream(context: TextFaultContext, response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': context.wire.streamContentType ?? 'text/event-stream', ...headers });
}

function apiError(context: TextFaultContext, response: ServerResponse, status: number, headers: Record<string, string> = {}, message = `fault ${status}`): void {
  sendJson(response, status, context.wire.errorBody(message, 'fault_code'), headers);
}

/** The outcome's error, failing when the call succeeded. */
function failure(outcome: TextOutcome): unknown {
  if (outcome.ok) throw new Error(`expected the call to fail, but it returned ${JSON.stringify(outcome.text.slice(0, 80))}`);
  return outcome.error;
}

function expectText(outcome: TextOutcome): void {
  if (!outcome.ok) throw outcome.error;
  expect(outcome.text).toBe(TEXT);
}

function expectApiError(
  error: unknown,
  context: TextFaultContext,
  fields: { statusCode?: number; isRetryable?: boolean; code?: boolean; streamCode?: boolean },
): APICallError {
  expect(APICallError.isInstance(error), `APICallError expected, got ${String(error)}`).toBe(true);
  const apiCallError = error as APICallError;
  if ('statusCode' in fields) expect(apiCallError.statusCode).toBe(fields.statusCode);
  if (fields.isRetryable !== undefined) expect(apiCallError.isRetryable).toBe(fields.isRetryable);
  if (fields.code && context.wire.errorCode) expect(apiCallError.code).toBe(context.wire.errorCode('fault_code'));
  const streamCode = context.wire.streamErrorCode ?? context.wire.errorCode;
  if (fields.streamCode && streamCode) expect(apiCallError.code).toBe(streamCode('fault_code'));
  expect(apiCallError.url.startsWith(context.server.url) || apiCallError.url.startsWith(context.refusedURL)).toBe(true);
  return apiCallError;
}

function expectRetryError(error: unknown, reason: 'maxRetriesExceeded' | 'errorNotRetryable', attempts: number): RetryError {
  expect(RetryError.isInstance(error), `RetryError expected, got ${String(error)}`).toBe(true);
  const retryError = error as RetryError;
  expect(retryError.reason).toBe(reason);
  expect(retryError.errors).toHaveLength(attempts);
  expect(retryError.lastError).toBe(retryError.errors[attempts - 1]);
  return retryError;
}

function expectTimeout(error: unknown): void {
  expect(error).toBeInstanceOf(DOMException);
  expect((error as DOMException).name).toBe('TimeoutError');
}

function expectTyped(error: unknown, type: { isInstance(value: unknown): boolean }, name: string): void {
  expect(type.isInstance(error), `${name} expected, got ${String(error)} (${(error as Error)?.constructor?.name})`).toBe(true);
}

/** Every credential the request carried (headers, query), as a server or proxy that echoes the request would print it. */
function echoed(request: IncomingMessage): string {
  const { authorization, 'api-key': apiKey, 'mj-api-secret': mjSecret } = request.headers;
  return `authorization: ${String(authorization)}; api-key: ${String(apiKey)}; mj-api-secret: ${String(mjSecret)}; url: ${request.url}`;
}

/** A promise resolved by the server side of a case (the request arrived, a body was half sent). */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/** Runs `call`, aborts with a fresh reason when `when` resolves, and checks the 100 ms settle bound and the reason's identity. */
async function expectAbortSettles(context: TextFaultContext, when: Promise<void>, options: Partial<RunTextOptions> = {}): Promise<void> {
  const controller = new AbortController();
  const reason = new Error('caller abort');
  let abortedAt = 0;
  const pending = context.run({ ...options, abortSignal: controller.signal });
  await when;
  abortedAt = performance.now();
  controller.abort(reason);
  const outcome = await pending;
  expect(failure(outcome)).toBe(reason);
  // Requirement: every promise settles within 100 ms of the abort (typically < 5 ms).
  expect(outcome.settledAt - abortedAt).toBeLessThan(100);
}

export const textFaults: TextFault[] = [
  {
    name: 'connection refused',
    async run(context) {
      const error = failure(await context.run({ model: context.model({ baseURL: context.refusedURL }), maxRetries: 1 }));
      const retryError = expectRetryError(error, 'maxRetriesExceeded', 2);
      for (const attempt of retryError.errors) expectTyped(attempt, NetworkError, 'NetworkError');
    },
  },
  {
    name: 'reset before headers',
    async run(context) {
      context.server.reset(({ request }) => void request.socket.destroy());
      const error = failure(await context.run({ maxRetries: 1 }));
      const retryError = expectRetryError(error, 'maxRetriesExceeded', 2);
      for (const attempt of retryError.errors) expectTyped(attempt, NetworkError, 'NetworkError');
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: 'reset mid-body',
    async run(context) {
      context.server.reset(({ attempt, request, response, later }) => {
        if (context.mode === 'generate' && attempt > 1) return success(context, response);
        // Under `connection: close` undici takes an EOF inside a chunked body for its end; a real reset has none.
        response.removeHeader('connection');
        if (context.mode === 'generate') {
          response.writeHead(200, { 'content-type': 'application/json' });
          const body = context.wire.generateBody(TEXT);
          response.write(body.slice(0, body.length >> 1));
        } else {
          startStream(context, response);
          response.write(context.wire.streamHead(DELTAS.slice(0, 1)));
        }
        later(20, () => request.socket.destroy());
      });
      const outcome = await context.run({ maxRetries: 1 });
      if (context.mode === 'generate') {
        // The body broke before the result reached the caller: retried, and the result is not lost.
        expectText(outcome);
        expect(context.server.attempts).toBe(2);
      } else {
        // Parts already reached the caller: no retry (DESIGN §5), a typed error after them.
        expectTyped(failure(outcome), NetworkError, 'NetworkError');
        expect(outcome.text).toBe(DELTAS[0]);
        expect(context.server.attempts).toBe(1);
      }
    },
  },
  {
    name: 'stall before headers > timeout',
    async run(context) {
      context.server.reset(() => {});
      const started = performance.now();
      const outcome = await context.run({ timeout: 300 });
      expectTimeout(failure(outcome));
      expect(outcome.settledAt - started).toBeGreaterThanOrEqual(295);
      expect(outcome.settledAt - started).toBeLessThan(1_300);
      expect(context.server.attempts).toBe(1);
      await context.expectHangup();
    },
  },
  {
    name: 'stall mid-body > timeout',
    async run(context) {
      context.server.reset(({ response }) => {
        if (context.mode === 'generate') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write(context.wire.generateBody(TEXT).slice(0, 10));
        } else {
          startStream(context, response);
          response.write(context.wire.streamHead(DELTAS.slice(0, 1)));
        }
      });
      const started = performance.now();
      const outcome = await context.run({ timeout: 300 });
      expectTimeout(failure(outcome));
      if (context.mode === 'stream') expect(outcome.text).toBe(DELTAS[0]);
      expect(outcome.settledAt - started).toBeLessThan(1_300);
      await context.expectHangup();
    },
  },
  {
    name: 'slow trickle (1 B/50 ms) > timeout',
    async run(context) {
      context.server.reset(({ response, trickle }) => {
        if (context.mode === 'generate') {
          response.writeHead(200, { 'content-type': 'application/json' });
          trickle(context.wire.generateBody(TEXT), 50, () => response.end());
        } else {
          startStream(context, response);
          trickle(context.wire.streamBody(DELTAS), 50, () => response.end());
        }
      });
      const started = performance.now();
      const outcome = await context.run({ timeout: 400 });
      // Bytes keep arriving, but the timeout bounds the whole call, not idle time.
      expectTimeout(failure(outcome));
      expect(outcome.settledAt - started).toBeLessThan(1_400);
      await context.expectHangup();
    },
  },
  {
    name: 'slow trickle (1 B/50 ms) completes',
    async run(context) {
      context.server.reset(({ response, trickle }) => {
        const body = context.mode === 'generate' ? context.wire.generateBody(TEXT) : context.wire.streamBody(DELTAS);
        if (context.mode === 'generate') response.writeHead(200, { 'content-type': 'application/json' });
        else startStream(context, response);
        // The first 12 bytes one by one (split tokens, split UTF-8), then the rest.
        trickle(body.slice(0, 12), 50, () => response.end(body.slice(12)));
      });
      expectText(await context.run({ timeout: 5_000 }));
    },
  },
  {
    name: '429 retry-after-ms: 0 → success',
    async run(context) {
      context.server.reset(({ attempt, response }) => (attempt === 1 ? apiError(context, response, 429, NO_WAIT) : success(context, response)));
      expectText(await context.run());
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '429 retry-after: 0 (s) → success',
    async run(context) {
      context.server.reset(({ attempt, response }) => (attempt === 1 ? apiError(context, response, 429, { 'retry-after': '0' }) : success(context, response)));
      expectText(await context.run());
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '429 retry-after: 120 s (ignored) → backoff',
    async run(context) {
      context.server.reset(({ attempt, response }) => (attempt === 1 ? apiError(context, response, 429, { 'retry-after': '120' }) : success(context, response)));
      const started = performance.now();
      const outcome = await context.run({ maxRetries: 1 });
      expectText(outcome);
      // Over 60 s means "come back later": the 0.5 s backoff is used instead of a two-minute sleep.
      expect(outcome.settledAt - started).toBeLessThan(2_000);
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '429 without retry-after, exhausted',
    async run(context) {
      context.server.reset(({ response }) => apiError(context, response, 429));
      const retryError = expectRetryError(failure(await context.run({ maxRetries: 1 })), 'maxRetriesExceeded', 2);
      expectApiError(retryError.lastError, context, { statusCode: 429, isRetryable: true, code: true });
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '408 ×3, exhausted',
    async run(context) {
      context.server.reset(({ response }) => apiError(context, response, 408, NO_WAIT));
      const retryError = expectRetryError(failure(await context.run({ maxRetries: 2 })), 'maxRetriesExceeded', 3);
      for (const attempt of retryError.errors) expectApiError(attempt, context, { statusCode: 408, isRetryable: true, code: true });
      expect(context.server.attempts).toBe(3);
    },
  },
  {
    name: '409 → success',
    async run(context) {
      context.server.reset(({ attempt, response }) => (attempt === 1 ? apiError(context, response, 409, NO_WAIT) : success(context, response)));
      expectText(await context.run());
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '5xx storm (500, 502, 503), exhausted',
    async run(context) {
      const statuses = [500, 502, 503];
      context.server.reset(({ attempt, response }) => apiError(context, response, statuses[attempt - 1] ?? 500, NO_WAIT));
      const retryError = expectRetryError(failure(await context.run({ maxRetries: 2 })), 'maxRetriesExceeded', 3);
      expect(retryError.errors.map((attempt) => (attempt as APICallError).statusCode)).toEqual(statuses);
      expect(context.server.attempts).toBe(3);
    },
  },
  {
    name: '5xx storm (503, 504) → success',
    async run(context) {
      context.server.reset(({ attempt, response }) => (attempt < 3 ? apiError(context, response, 502 + attempt, NO_WAIT) : success(context, response)));
      expectText(await context.run({ maxRetries: 2 }));
      expect(context.server.attempts).toBe(3);
    },
  },
  {
    name: 'x-should-retry: false on 503',
    async run(context) {
      context.server.reset(({ response }) => apiError(context, response, 503, { 'x-should-retry': 'false', ...NO_WAIT }));
      expectApiError(failure(await context.run()), context, { statusCode: 503, isRetryable: false, code: true });
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'x-should-retry: true on 400 → success',
    async run(context) {
      context.server.reset(({ attempt, response }) =>
        attempt === 1 ? apiError(context, response, 400, { 'x-should-retry': 'true', ...NO_WAIT }) : success(context, response));
      expectText(await context.run());
      expect(context.server.attempts).toBe(2);
    },
  },
  {
    name: '400 is not retried',
    async run(context) {
      context.server.reset(({ response }) => apiError(context, response, 400, NO_WAIT));
      expectApiError(failure(await context.run()), context, { statusCode: 400, isRetryable: false, code: true });
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'HTML page with 200',
    async run(context) {
      context.server.reset(({ response }) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(HTML);
      });
      expectTyped(failure(await context.run()), InvalidResponseError, 'InvalidResponseError');
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'HTML page with 502',
    async run(context) {
      context.server.reset(({ response }) => {
        response.writeHead(502, { 'content-type': 'text/html', ...NO_WAIT });
        response.end(HTML);
      });
      const retryError = expectRetryError(failure(await context.run({ maxRetries: 1 })), 'maxRetriesExceeded', 2);
      const last = expectApiError(retryError.lastError, context, { statusCode: 502, isRetryable: true });
      // The page is summarised in the message, kept (truncated) in responseBody.
      expect(last.message.length).toBeLessThan(500);
      expect(last.responseBody).toContain('502 Bad Gateway');
    },
  },
  {
    name: 'JSON with the wrong shape',
    async run(context) {
      context.server.reset(({ response }) => {
        if (context.mode === 'generate') return sendJson(response, 200, JSON.stringify({ unexpected: [1, 2, 3] }));
        startStream(context, response);
        response.end('data: {"unexpected":[1,2,3]}\n\ndata: [4,5]\n\n');
      });
      expectTyped(failure(await context.run()), InvalidResponseError, 'InvalidResponseError');
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'truncated body / SSE without terminator',
    async run(context) {
      context.server.reset(({ response }) => {
        if (context.mode === 'generate') return sendJson(response, 200, context.wire.generateBody(TEXT).slice(0, 30));
        startStream(context, response);
        response.end(context.wire.streamHead(DELTAS));
      });
      const outcome = await context.run();
      expectTyped(failure(outcome), InvalidResponseError, 'InvalidResponseError');
      // A cut-off stream is an error after the text that did arrive, never a silent partial answer.
      if (context.mode === 'stream') expect(outcome.text).toBe(TEXT);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'mid-stream error event',
    modes: ['stream'],
    async run(context) {
      context.server.reset(({ response }) => {
        startStream(context, response);
        response.end(context.wire.streamHead(DELTAS.slice(0, 1)) + context.wire.streamError('the engine is overloaded', 'fault_code'));
      });
      const outcome = await context.run();
      const error = expectApiError(failure(outcome), context, { statusCode: undefined, streamCode: true });
      expect(error.message).toContain('overloaded');
      expect(outcome.text).toBe(DELTAS[0]);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'oversized body (chunked, over maxResponseBytes)',
    needsMaxResponseBytes: true,
    async run(context) {
      const big = 'x'.repeat(200_000);
      context.server.reset(({ response, later }) => {
        const body = context.mode === 'generate' ? context.wire.generateBody(big) : context.wire.streamHead([big]);
        if (context.mode === 'generate') response.writeHead(200, { 'content-type': 'application/json' });
        else startStream(context, response);
        let offset = 0;
        const next = () => {
          if (offset >= body.length) return void response.end();
          response.write(body.slice(offset, offset + 16_384));
          offset += 16_384;
          later(1, next);
        };
        next();
      });
      const error = failure(await context.run({ model: context.model({ maxResponseBytes: 65_536 }) }));
      expect(AigcError.isInstance(error), `typed error expected, got ${String(error)}`).toBe(true);
      expect((error as Error).message).toMatch(/65536/);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'oversized body (content-length over maxResponseBytes)',
    modes: ['generate'],
    needsMaxResponseBytes: true,
    async run(context) {
      context.server.reset(({ response }) => {
        // Declares 10 MB and sends only the first bytes: the cap must act on the header, not wait for the body.
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10_000_000) });
        response.write(context.wire.generateBody('x'));
      });
      const error = failure(await context.run({ model: context.model({ maxResponseBytes: 65_536 }), timeout: 5_000 }));
      expect(AigcError.isInstance(error), `typed error expected, got ${String(error)}`).toBe(true);
      expect((error as Error).message).toMatch(/65536/);
      await context.expectHangup();
    },
  },
  {
    name: 'gzip that fails to decode',
    async run(context) {
      context.server.reset(({ response }) => {
        response.writeHead(200, {
          'content-type': context.mode === 'generate' ? 'application/json' : context.wire.streamContentType ?? 'text/event-stream',
          'content-encoding': 'gzip',
        });
        response.end('this is not gzip data at all');
      });
      const outcome = await context.run({ maxRetries: 1 });
      const error = failure(outcome);
      if (context.mode === 'generate') {
        const retryError = expectRetryError(error, 'maxRetriesExceeded', 2);
        for (const attempt of retryError.errors) expectTyped(attempt, NetworkError, 'NetworkError');
        expect(context.server.attempts).toBe(2);
      } else {
        expectTyped(error, NetworkError, 'NetworkError');
      }
    },
  },
  {
    name: 'abort before headers',
    async run(context) {
      const arrived = signal();
      context.server.reset(() => arrived.fire());
      await expectAbortSettles(context, arrived.promise);
      await context.expectHangup();
    },
  },
  {
    name: 'abort mid-body',
    async run(context) {
      const halfway = signal();
      context.server.reset(({ response }) => {
        if (context.mode === 'generate') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write(context.wire.generateBody(TEXT).slice(0, 10), () => halfway.fire());
        } else {
          startStream(context, response);
          response.write(context.wire.streamHead(DELTAS.slice(0, 1)));
        }
      });
      const firstDelta = signal();
      await expectAbortSettles(context, context.mode === 'generate' ? halfway.promise : firstDelta.promise, { onDelta: () => firstDelta.fire() });
      await context.expectHangup();
    },
  },
  {
    name: 'abort between retries',
    async run(context) {
      const answered = signal();
      context.server.reset(({ response }) => {
        response.on('finish', () => setTimeout(() => answered.fire(), 50));
        apiError(context, response, 429, { 'retry-after-ms': '10000' });
      });
      await expectAbortSettles(context, answered.promise);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'timeout covers retry sleeps',
    async run(context) {
      context.server.reset(({ response }) => apiError(context, response, 429, { 'retry-after-ms': '10000' }));
      const started = performance.now();
      const outcome = await context.run({ timeout: 400 });
      expectTimeout(failure(outcome));
      expect(outcome.settledAt - started).toBeLessThan(1_400);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'break out of for await',
    modes: ['stream'],
    async run(context) {
      context.server.reset(({ response }) => {
        startStream(context, response);
        response.write(context.wire.streamHead(DELTAS.slice(0, 1)));
      });
      const outcome = await context.run({ breakAfterFirstDelta: true });
      expect(outcome.ok).toBe(false);
      expect(outcome.text).toBe(DELTAS[0]);
      await context.expectHangup();
    },
  },
  {
    name: 'secret echoed in a 401 error body',
    async run(context) {
      context.server.reset(({ request, response }) => apiError(context, response, 401, {}, echoed(request)));
      expectApiError(failure(await context.run()), context, { statusCode: 401, isRetryable: false });
    },
  },
  {
    name: 'secret echoed in a 200 non-JSON body',
    async run(context) {
      context.server.reset(({ request, response }) => {
        response.writeHead(200, { 'content-type': context.mode === 'generate' ? 'application/json' : 'text/plain' });
        response.end(`<html>${echoed(request)}</html>`);
      });
      expectTyped(failure(await context.run()), AigcError, 'AigcError');
    },
  },
  {
    name: 'secret echoed in a wrong-shape body / event',
    async run(context) {
      context.server.reset(({ request, response }) => {
        const payload = JSON.stringify({ unexpected: echoed(request), choices: 'none', result: 42 });
        if (context.mode === 'generate') return sendJson(response, 200, payload);
        startStream(context, response);
        response.end(`data: ${payload}\n\ndata: not json ${echoed(request)}\n\n`);
      });
      expectTyped(failure(await context.run()), AigcError, 'AigcError');
    },
  },
  {
    name: 'secret echoed in a mid-stream error event',
    modes: ['stream'],
    async run(context) {
      context.server.reset(({ request, response }) => {
        startStream(context, response);
        response.end(context.wire.streamHead(DELTAS.slice(0, 1)) + context.wire.streamError(echoed(request), 'fault_code'));
      });
      expectApiError(failure(await context.run()), context, { statusCode: undefined });
    },
  },
];
