import { AigcError } from './aigc-error.js';

const NAME = 'AI_APICallError';

/**
 * A provider answered with an error: a non-2xx status, or a 2xx body that
 * carries an error (Baidu, midjourney-proxy). The URL has its secrets redacted
 * and no field holds an API key or token.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model: openai('gpt-4o-mini'), prompt: 'Hi' });
 * } catch (error) {
 *   if (APICallError.isInstance(error) && error.statusCode === 429) {
 *     console.warn(`${error.provider} is busy; retry after ${error.responseHeaders?.['retry-after']} s`);
 *   }
 * }
 * ```
 */
export class APICallError extends AigcError {
  override readonly name = NAME;
  /** The provider, e.g. `openai.chat`. */
  readonly provider: string;
  /** The request URL with secrets (access tokens, keys, signatures) replaced by `***`. */
  readonly url: string;
  /** The HTTP status; undefined when the error came inside a 200 body or a stream. */
  readonly statusCode: number | undefined;
  /** The provider's error code (`rate_limit_exceeded`, Baidu's `18`, …). */
  readonly code: string | undefined;
  /** Response headers, lower-cased. */
  readonly responseHeaders: Record<string, string> | undefined;
  /** The response body, truncated, with secrets redacted. */
  readonly responseBody: string | undefined;
  /** Whether core's retry loop may try again. */
  readonly isRetryable: boolean;
  /** The parsed error body, when it parsed. */
  readonly data: unknown;

  /** Builds the error; `isRetryable` defaults from the status and `x-should-retry`. */
  constructor(options: {
    message: string;
    provider: string;
    url: string;
    statusCode?: number;
    code?: string;
    responseHeaders?: Record<string, string>;
    responseBody?: string;
    isRetryable?: boolean;
    data?: unknown;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.provider = options.provider;
    this.url = options.url;
    this.statusCode = options.statusCode;
    this.code = options.code;
    this.responseHeaders = options.responseHeaders;
    this.responseBody = options.responseBody;
    this.data = options.data;
    this.isRetryable = options.isRetryable ?? defaultRetryable(options.statusCode, options.responseHeaders);
  }

  /** True for an `APICallError` from any copy of aigc. */
  static override isInstance(value: unknown): value is APICallError {
    return AigcError.hasName(value, NAME);
  }
}

// openai-node's rule: the server's x-should-retry wins over the status.
function defaultRetryable(status: number | undefined, headers: Record<string, string> | undefined): boolean {
  const shouldRetry = headers?.['x-should-retry'];
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  if (status === undefined) return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
