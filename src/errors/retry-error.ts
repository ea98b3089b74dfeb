import { AigcError } from './aigc-error.js';

const NAME = 'AI_RetryError';

/** Why the retry loop gave up. */
export type RetryErrorReason = 'maxRetriesExceeded' | 'errorNotRetryable' | 'abort';

/**
 * Every attempt failed; `errors` holds each attempt's error, `lastError` the final one.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model, prompt: 'Hi', maxRetries: 2 });
 * } catch (error) {
 *   if (RetryError.isInstance(error)) console.error(error.reason, error.errors.length, error.lastError);
 * }
 * ```
 */
export class RetryError extends AigcError {
  override readonly name = NAME;
  /** Why the loop stopped. */
  readonly reason: RetryErrorReason;
  /** One error per attempt, in order. */
  readonly errors: unknown[];
  /** The error of the final attempt. */
  readonly lastError: unknown;

  /** Builds the error from the attempts' errors. */
  constructor(options: { message: string; reason: RetryErrorReason; errors: unknown[] }) {
    const lastError = options.errors[options.errors.length - 1];
    super(options.message, { cause: lastError });
    this.reason = options.reason;
    this.errors = options.errors;
    this.lastError = lastError;
  }

  /** True for a `RetryError` from any copy of aigc. */
  static override isInstance(value: unknown): value is RetryError {
    return AigcError.hasName(value, NAME);
  }
}
