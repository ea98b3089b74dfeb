import { expect } from 'vitest';
import { APICallError } from '../../../src/index.js';
import { apiError, expectApiError, expectRetryError, expectText, failure, HTML, NO_WAIT, success, type TextFault } from './helpers.js';

/** Error statuses, retry-after variants and x-should-retry. */
export const statusFaults: TextFault[] = [
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
];
