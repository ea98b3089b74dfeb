import { isRecord, type ProviderErrorInfo } from '../../src/http/index.js';
import { parseOpenAIError } from '../openai/openai-error.js';

/**
 * v1 `error_code`s that mean "busy, try again" (WIRE.md §3.2): 2 service
 * unavailable, 18 QPS limit, 336000 internal error, 336100 high load,
 * 336501/336502 RPM/TPM limits. The rest (336003 invalid param, 17 daily
 * limit, …) do not get better by retrying.
 */
const RETRYABLE_ERROR_CODES = new Set([2, 18, 336000, 336100, 336501, 336502]);

/** Speech `err_no`s worth retrying: TTS 503 backend error, ASR 3303 backend error and 3304 QPS limit. */
const RETRYABLE_SPEECH_CODES = new Set([503, 3303, 3304]);

/** v1 codes for an invalid (110) or expired (111) access token: refresh the token and retry once. */
export const TOKEN_ERROR_CODES: readonly string[] = ['110', '111'];

/**
 * Maps every Baidu error body: v1 and ERNIE-ViLG `{error_code, error_msg}`,
 * speech `{err_no, err_msg, err_detail}`, OAuth `{error, error_description}`
 * and Qianfan v2 `{error: {code, message}}`.
 */
export function parseBaiduError(data: unknown): ProviderErrorInfo | undefined {
  if (!isRecord(data)) return undefined;
  if (data.error_code !== undefined) {
    const code = Number(data.error_code);
    const words = Array.isArray(data.error_detail)
      ? data.error_detail.flatMap((detail) => (isRecord(detail) && typeof detail.words === 'string' ? [detail.words] : []))
      : [];
    return {
      message: `${String(data.error_msg ?? 'unknown error')} (error_code ${String(data.error_code)})${words.length > 0 ? `; flagged words: ${words.join(', ')}` : ''}`,
      code: String(data.error_code),
      isRetryable: RETRYABLE_ERROR_CODES.has(code),
    };
  }
  if (data.err_no !== undefined) {
    const detail = typeof data.err_detail === 'string' ? `: ${data.err_detail}` : '';
    return {
      message: `${String(data.err_msg ?? 'unknown error')}${detail} (err_no ${String(data.err_no)})`,
      code: String(data.err_no),
      isRetryable: RETRYABLE_SPEECH_CODES.has(Number(data.err_no)),
    };
  }
  if (typeof data.error === 'string') {
    const description = typeof data.error_description === 'string' ? `: ${data.error_description}` : '';
    return { message: `${data.error}${description}`, code: data.error };
  }
  return parseOpenAIError(data);
}

/** True when a 2xx body is a Baidu error rather than a result (v1 and ViLG answer errors with HTTP 200). */
export function isBaiduErrorBody(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && data.error_code !== undefined && data.error_code !== 0 && data.error_code !== '0';
}
