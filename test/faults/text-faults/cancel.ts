import { expect } from 'vitest';
import { apiError, DELTAS, expectAbortSettles, expectTimeout, failure, signal, startStream, TEXT, type TextFault } from './helpers.js';

/** Abort, timeout and leaving a stream early. */
export const cancelFaults: TextFault[] = [
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
];
