import { readJson, readText, sendRequest, type RequestContext } from '../../src/http/index.js';
import type { MidjourneyConfig } from './midjourney-config.js';
import { parseMidjourneyError } from './midjourney-error.js';

// Task and submit bodies are small JSON; a describe task echoes no image bytes.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** One JSON exchange with the proxy. */
export interface MidjourneyRequestOptions {
  /** Path under the `…/mj` prefix, e.g. `/submit/imagine`. */
  path: string;
  /** A JSON body means POST; none means GET. */
  body?: Record<string, unknown>;
  /** Per-call headers, merged over the provider's. */
  headers?: Record<string, string | undefined>;
  /** Aborts the request. */
  abortSignal?: AbortSignal;
}

/** What came back: the parsed body, the response headers and the context for later errors. */
export interface MidjourneyResponse {
  /** The parsed JSON body; `null` for an empty body (the proxy's "no such task"). */
  data: unknown;
  /** Response headers. */
  headers: Headers;
  /** For errors built from the body. */
  context: RequestContext;
}

/** Sends one request to the proxy; non-2xx answers become `APICallError` with the secret scrubbed. */
export async function requestMidjourney(config: MidjourneyConfig, options: MidjourneyRequestOptions): Promise<MidjourneyResponse> {
  const body = options.body === undefined ? undefined : JSON.stringify(withoutUndefined(options.body));
  const { response, context } = await sendRequest({
    provider: config.provider,
    url: `${config.baseURL()}${options.path}`,
    method: body === undefined ? 'GET' : 'POST',
    headers: Object.assign(body === undefined ? {} : { 'content-type': 'application/json' }, config.headers(), options.headers),
    body,
    fetch: config.fetch,
    abortSignal: options.abortSignal,
    parseError: parseMidjourneyError,
  });
  const text = await readText(response, context, MAX_BODY_BYTES);
  // The open-source proxy answers 200 with an empty body for an unknown task id.
  if (text.trim() === '') return { data: null, headers: response.headers, context };
  return { data: await readJson(new Response(text), context), headers: response.headers, context };
}

function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (value !== undefined) result[key] = value;
  return result;
}
