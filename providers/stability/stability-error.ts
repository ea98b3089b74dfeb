import { APICallError } from '../../src/errors/api-call-error.js';
import { asString, isRecord, type ProviderErrorInfo } from '../../src/http/index.js';

const RATE_LIMIT_HINT = 'Stability AI allows 150 requests per 10 seconds and may refuse further requests for about 60 seconds';

/**
 * Maps Stability's error bodies: v2beta `{ id, name, errors: [] }` and v1
 * `{ id, name, message }`. The `name` (`bad_request`, `content_moderation`,
 * `payment_required`, …) becomes the error's `code`.
 */
export function parseStabilityError(data: unknown, text: string, status: number | undefined): ProviderErrorInfo | undefined {
  const code = isRecord(data) ? asString(data.name) : undefined;
  const errors = isRecord(data) && Array.isArray(data.errors) ? data.errors.filter((item) => typeof item === 'string') : [];
  let message = errors.length > 0 ? errors.join('; ') : isRecord(data) ? asString(data.message) : undefined;
  if (status === 429) message = `${message ?? 'rate limit exceeded'} (${RATE_LIMIT_HINT})`;
  if (message === undefined && code === undefined) return text.trim() === '' ? undefined : { message: text.trim().slice(0, 200) };
  return { message: message ?? code!, code: code ?? (status === 429 ? 'rate_limited' : undefined) };
}

/**
 * A 429 that does not say when to come back is made non-retryable: the limit
 * is counted over 10 s and a client over it may be locked out for about 60 s,
 * so core's sub-second backoff would only spend more requests inside the
 * window. A 429 with `retry-after`/`retry-after-ms`/`x-should-retry` keeps
 * core's rule (wait as told, then retry).
 */
export function applyStabilityRateLimit(error: unknown): unknown {
  if (!APICallError.isInstance(error) || error.statusCode !== 429) return error;
  const headers = error.responseHeaders ?? {};
  if (headers['retry-after'] !== undefined || headers['retry-after-ms'] !== undefined || headers['x-should-retry'] !== undefined) return error;
  return new APICallError({
    message: error.message,
    provider: error.provider,
    url: error.url,
    statusCode: error.statusCode,
    code: error.code,
    responseHeaders: error.responseHeaders,
    responseBody: error.responseBody,
    data: error.data,
    isRetryable: false,
    cause: error.cause,
  });
}
