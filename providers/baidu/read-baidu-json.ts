import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { createApiError, headersToRecord, readText, redactSecrets, type RequestContext } from '../../src/http/index.js';
import { isBaiduErrorBody } from './baidu-error.js';
import { parseBaiduJson } from './baidu-parse-json.js';

/**
 * Reads a 2xx Baidu JSON body, keeping 19-digit ids as strings, and throws
 * the `APICallError` it holds when it is an `error_code` body (v1 and
 * ERNIE-ViLG report errors with HTTP 200).
 */
export async function readBaiduJson(response: Response, context: RequestContext, maxBytes?: number): Promise<unknown> {
  // Scrubbed before parsing (as readJson does): nothing derived from the body can hold an echoed secret.
  const text = redactSecrets(await readText(response, context, maxBytes), context.secrets);
  let data: unknown;
  try {
    data = parseBaiduJson(text);
  } catch (cause) {
    throw new InvalidResponseError({
      provider: context.provider,
      message: `${context.method} ${context.url} returned a body that is not JSON`,
      rawValue: text,
      cause,
    });
  }
  if (isBaiduErrorBody(data)) throw createApiError(context, { text, responseHeaders: headersToRecord(response.headers) });
  return data;
}
