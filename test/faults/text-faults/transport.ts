import { expect } from 'vitest';
import { NetworkError } from '../../../src/index.js';
import { DELTAS, expectRetryError, expectText, expectTimeout, expectTyped, failure, startStream, success, TEXT, type TextFault } from './helpers.js';

/** Connections that fail, reset, stall or trickle. */
export const transportFaults: TextFault[] = [
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
        // Under `connection: close` Node's fetch (undici) takes an EOF inside a chunked body for its end; a real reset has none.
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
    name: 'reset after headers, before the first event',
    async run(context) {
      context.server.reset(({ attempt, request, response, later }) => {
        if (attempt > 1) return success(context, response);
        response.removeHeader('connection');
        response.writeHead(200, { 'content-type': context.mode === 'generate' ? 'application/json' : context.wire.streamContentType ?? 'text/event-stream' });
        response.flushHeaders();
        later(20, () => request.socket.destroy());
      });
      // Nothing reached the caller yet: retried, and the result is not lost.
      expectText(await context.run({ maxRetries: 1 }));
      expect(context.server.attempts).toBe(2);
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
    name: 'gzip that fails to decode',
    async run(context) {
      context.server.reset(({ response }) => {
        response.writeHead(200, {
          'content-type': context.mode === 'generate' ? 'application/json' : context.wire.streamContentType ?? 'text/event-stream',
          'content-encoding': 'gzip',
        });
        response.end('this is not gzip data at all');
      });
      // Nothing reached the caller, so the stream is retried like generate (DESIGN §5).
      const retryError = expectRetryError(failure(await context.run({ maxRetries: 1 })), 'maxRetriesExceeded', 2);
      for (const attempt of retryError.errors) expectTyped(attempt, NetworkError, 'NetworkError');
      expect(context.server.attempts).toBe(2);
    },
  },
];
