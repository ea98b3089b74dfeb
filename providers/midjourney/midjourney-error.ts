import { asNumber, asString, isRecord, type ProviderErrorInfo } from '../../src/http/index.js';

/**
 * Maps midjourney-proxy error bodies: its `{code, description, properties}`
 * submit result (sent with 200 or 404), Spring's `{status, error, message}`,
 * and the empty 401 it sends for a wrong or missing `mj-api-secret`.
 */
export function parseMidjourneyError(data: unknown, text: string, status: number | undefined): ProviderErrorInfo | undefined {
  if (isRecord(data)) {
    const code = asNumber(data.code);
    const description = asString(data.description) ?? asString(data.message) ?? asString(data.error);
    if (description !== undefined || code !== undefined) {
      const properties = isRecord(data.properties) ? data.properties : {};
      const bannedWord = asString(properties.bannedWord);
      return {
        message: (description ?? `code ${code}`) + (bannedWord ? ` (banned word: ${bannedWord})` : ''),
        code: code === undefined ? undefined : String(code),
        // 23 is "queue full": the submit was refused, so trying again later is safe.
        isRetryable: code === 23 ? true : undefined,
      };
    }
  }
  if ((status === 401 || status === 403) && text.trim() === '') {
    return { message: 'the proxy rejected the request: check the apiSecret setting (MIDJOURNEY_PROXY_SECRET)', code: String(status) };
  }
  return undefined;
}
