import { isRecord, type ProviderErrorInfo } from '../../src/http/index.js';

/**
 * Maps OpenAI's `{"error":{"message","type","param","code"}}` body. The code
 * falls back to the type; `insufficient_quota` is a 429 that no retry fixes.
 */
export function parseOpenAIError(data: unknown): ProviderErrorInfo | undefined {
  const error = isRecord(data) ? data.error : undefined;
  if (!isRecord(error)) {
    // Some compatible servers send { "message": "…" } or { "error": "text" }.
    if (isRecord(data) && typeof data.error === 'string') return { message: data.error };
    if (isRecord(data) && typeof data.message === 'string') return { message: data.message };
    return undefined;
  }
  const code = typeof error.code === 'string' || typeof error.code === 'number' ? String(error.code) : typeof error.type === 'string' ? error.type : undefined;
  return {
    message: typeof error.message === 'string' ? error.message : JSON.stringify(error),
    code,
    isRetryable: code === 'insufficient_quota' || error.type === 'insufficient_quota' ? false : undefined,
  };
}
