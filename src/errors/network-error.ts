import { AigcError } from './aigc-error.js';

const NAME = 'AI_NetworkError';

/**
 * `fetch` rejected with no response (DNS, refused, reset), or the connection broke while the body was read. Always retryable.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model: openai('gpt-4o-mini'), prompt: 'Hi', maxRetries: 0 });
 * } catch (error) {
 *   if (NetworkError.isInstance(error)) console.error(`${error.url} unreachable:`, error.cause);
 * }
 * ```
 */
export class NetworkError extends AigcError {
  override readonly name = NAME;
  /** The provider, e.g. `openai.chat`. */
  readonly provider: string;
  /** The redacted request URL. */
  readonly url: string;
  /** Always true: nothing reached the model, or the connection broke. */
  readonly isRetryable = true;

  /** Wraps the `fetch` failure in `cause`; `phase` says when it broke when it was not before the response (`while reading the response body`). */
  constructor(options: { provider: string; url: string; method: string; cause: unknown; phase?: string }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${options.method} ${options.url} failed${options.phase ? ` ${options.phase}` : ''}: ${reason}`, { cause: options.cause });
    this.provider = options.provider;
    this.url = options.url;
  }

  /** True for a `NetworkError` from any copy of aigc. */
  static override isInstance(value: unknown): value is NetworkError {
    return AigcError.hasName(value, NAME);
  }
}
