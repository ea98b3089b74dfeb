import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/** A signal for one call, and a way to release its timer and listener. */
export interface CallSignal {
  /** Aborts on the caller's signal (with its reason, untouched), on timeout (with a `TimeoutError` `DOMException`) or on {@link CallSignal.abort}. */
  signal: AbortSignal | undefined;
  /** Aborts the call from inside (a consumer cancelled the stream); a no-op without `cancelable`. */
  abort(reason: unknown): void;
  /** Clears the timer and listener; call when the call settles. */
  dispose(): void;
}

/** The signal of a call that can be neither aborted nor timed out: one shared object, nothing to release. */
const NO_SIGNAL: CallSignal = { signal: undefined, abort: () => {}, dispose: () => {} };

/**
 * Combines the caller's `abortSignal` with `timeout` (ms, for the whole call
 * including retries and polling). Written by hand rather than with
 * `AbortSignal.any`/`AbortSignal.timeout` so nothing outlives the call and it
 * works on runtimes that lack them.
 */
export function createCallSignal(
  abortSignal: AbortSignal | undefined,
  timeout: number | undefined,
  options?: { cancelable?: boolean },
): CallSignal {
  // The caller's own signal is never handed to fetch: Node's fetch leaves its `abort` listeners on
  // the signal until the request is garbage-collected, so a long-lived signal reused across calls
  // would pile them up. fetch gets this call's signal; the caller's keeps only ours, until dispose.
  if (timeout === undefined && !options?.cancelable && abortSignal === undefined) return NO_SIGNAL;
  return linkedSignal(abortSignal, timeout);
}

/**
 * The signal itself, apart from the check above: V8 allocates the context of a function whose
 * variables its closures capture on entry, so with the closures here every call paid for it,
 * even the calls that return {@link NO_SIGNAL}.
 */
function linkedSignal(abortSignal: AbortSignal | undefined, timeout: number | undefined): CallSignal {
  const controller = new AbortController();
  const onAbort = () => controller.abort(abortSignal!.reason);
  if (abortSignal?.aborted) controller.abort(abortSignal.reason);
  else abortSignal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeout === undefined
    ? undefined
    : setTimeout(() => controller.abort(new DOMException(`The operation timed out after ${timeout} ms.`, 'TimeoutError')), timeout);
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose() {
      clearTimeout(timer);
      abortSignal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Validates the settings every function shares. */
export function validateCommonSettings(options: {
  maxRetries?: unknown;
  timeout?: unknown;
  abortSignal?: unknown;
  headers?: unknown;
  providerOptions?: unknown;
}): { maxRetries: number; timeout: number | undefined } {
  const { maxRetries = 2, timeout } = options;
  if (typeof maxRetries !== 'number' || !Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new InvalidArgumentError({ argument: 'maxRetries', message: 'must be an integer >= 0', value: maxRetries });
  }
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0)) {
    throw new InvalidArgumentError({ argument: 'timeout', message: 'must be a positive number of milliseconds', value: timeout });
  }
  if (options.abortSignal !== undefined && !isAbortSignal(options.abortSignal)) {
    throw new InvalidArgumentError({ argument: 'abortSignal', message: 'must be an AbortSignal' });
  }
  if (options.headers !== undefined && !isPlainObject(options.headers)) {
    throw new InvalidArgumentError({ argument: 'headers', message: 'must be an object of header names to strings' });
  }
  if (options.providerOptions !== undefined && !isPlainObject(options.providerOptions)) {
    throw new InvalidArgumentError({ argument: 'providerOptions', message: 'must be an object keyed by provider id' });
  }
  return { maxRetries, timeout: timeout as number | undefined };
}

/** True for `{}`-like objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && 'aborted' in value && typeof (value as AbortSignal).addEventListener === 'function';
}
