import { RetryError } from '../errors/retry-error.js';
import { delay } from './delay.js';
import { backoffMs, retryAfterMs } from './retry-after.js';

/** Settings for {@link retryWithBackoff}. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  /** Aborts the loop, including a sleep in progress; its reason is rethrown untouched. */
  abortSignal?: AbortSignal;
}

/**
 * Runs `fn` and retries it while the error says `isRetryable`, waiting for the
 * server's `retry-after-ms`/`retry-after` or an exponential backoff.
 * A first-attempt error that is not retryable is rethrown as is; once retries
 * happened, the attempts' errors are collected in a `RetryError`.
 */
export function retryWithBackoff<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  // The first attempt outside an async function: most calls succeed at once, and the retry loop's
  // async frame and awaits were a visible share of a plain call's allocations.
  let first: Promise<T>;
  try {
    first = Promise.resolve(fn());
  } catch (error) {
    first = Promise.reject(error);
  }
  return first.then(undefined, (error: unknown) => retryAfterFailure(error, fn, options));
}

/**
 * The retry loop of {@link retryWithBackoff}, entered after the first attempt
 * failed with `error`. For a hot caller that is an async function already: it
 * can make the first attempt itself, in a `try`, and call this only from the
 * `catch`, so that a call that succeeds at once allocates no closure for the
 * retries (generateText does; docs/performance.md).
 */
export async function retryAfterFailure<T>(error: unknown, fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const errors: unknown[] = [];
  for (let attempt = 0; ; attempt++) {
    const signal = options.abortSignal;
    if (signal?.aborted && (error === signal.reason || isAbortError(error))) throw signal.reason;
    if (options.maxRetries === 0) throw error;
    errors.push(error);
    const message = error instanceof Error ? error.message : String(error);
    if (!isRetryable(error)) {
      if (attempt === 0) throw error;
      throw new RetryError({
        reason: 'errorNotRetryable',
        errors,
        message: `Failed after ${attempt + 1} attempts with a non-retryable error: ${message}`,
      });
    }
    if (attempt >= options.maxRetries) {
      throw new RetryError({
        reason: 'maxRetriesExceeded',
        errors,
        message: `Failed after ${attempt + 1} attempts. Last error: ${message}`,
      });
    }
    const headers = (error as { responseHeaders?: Record<string, string> }).responseHeaders;
    await delay(retryAfterMs(headers) ?? backoffMs(attempt), signal);
    try {
      return await fn();
    } catch (next) {
      error = next;
    }
  }
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { isRetryable?: unknown }).isRetryable === true;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
