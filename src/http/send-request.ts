import { APICallError } from '../errors/api-call-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { acceptsChunkedBodies } from './chunked-body.js';
import { MultipartForm } from './multipart-form.js';
import { NetworkError } from '../errors/network-error.js';
import { decodeUtf8, DEFAULT_MAX_RESPONSE_BYTES, readBodyCapped, readTextCapped, ResponseTooLargeError } from './read-body.js';
import { collectSecrets, MIN_SECRET_LENGTH, redactSecrets, redactUrl, sortLongestFirst } from './redact.js';
// The build turns this into the package's private `#transport` import (tsup.config.ts), which Node
// resolves to the node:http transport (node/transport.ts) and every other runtime to this file.
import { defaultFetch } from './transport.js';

/** The `fetch` signature providers accept; tests and proxies inject their own. */
export type FetchFunction = typeof globalThis.fetch;

/** What a provider's error parser extracts from an error body. */
export interface ProviderErrorInfo {
  /** The provider's message. */
  message: string;
  /** The provider's code, as a string. */
  code?: string;
  /** Overrides the status-based default (e.g. `insufficient_quota` is a 429 that must not be retried). */
  isRetryable?: boolean;
}

/** Turns an error body (parsed JSON, or undefined when it was not JSON) into the provider's message and code. */
export type ProviderErrorParser = (data: unknown, text: string, status: number | undefined) => ProviderErrorInfo | undefined;

/** What a request needs beyond `fetch`'s own options. */
export interface SendRequestOptions {
  /** The provider, e.g. `openai.chat`, for errors. */
  provider: string;
  /** The full URL. */
  url: string;
  /** HTTP method; POST by default. */
  method?: string;
  /** Headers; undefined values are dropped. */
  headers: Record<string, string | undefined>;
  /**
   * The body. A {@link MultipartForm} is sent with its content type: as its
   * chunks, uncopied, by a transport that writes chunks (the Node one), else
   * encoded into one buffer.
   */
  body?: BodyInit | MultipartForm;
  /** Injected fetch; else the runtime's transport (on Node the `node:http` transport, elsewhere `globalThis.fetch`), looked up at call time. */
  fetch?: FetchFunction;
  /** Aborts the request. */
  abortSignal?: AbortSignal;
  /** Maps the provider's error bodies. */
  parseError?: ProviderErrorParser;
  /** Cap on the error body that is read. */
  maxErrorBytes?: number;
  /** Secret values sent outside the URL and headers (a token in a form or JSON body), scrubbed from errors too. */
  secrets?: string[];
}

/** What later steps need to report errors about a request without leaking its secrets. */
export interface RequestContext {
  /** The provider, e.g. `openai.chat`. */
  provider: string;
  /** The method. */
  method: string;
  /** The redacted URL. */
  url: string;
  /** Secret values to scrub from anything shown. */
  secrets: string[];
  /** The provider's error parser. */
  parseError?: ProviderErrorParser;
}

const ERROR_BODY_LIMIT = 4_000;

/**
 * Sends a request and returns the response when it is 2xx; otherwise throws
 * `APICallError` (with the provider's message and code, a redacted URL and a
 * scrubbed body) or `NetworkError`. An abort rethrows the signal's reason.
 */
export function sendRequest(options: SendRequestOptions): Promise<{ response: Response; context: RequestContext }> {
  return exchange(options, undefined, undefined) as Promise<{ response: Response; context: RequestContext }>;
}

/** Turns a 2xx JSON response into what a model returns; see {@link requestJson}. */
export type JsonMapper<T> = (data: unknown, response: Response, context: RequestContext) => T;

/**
 * {@link sendRequest} and {@link readJson} in one step, for the common JSON
 * call, and `map` applied to the parsed body: one async frame from the request
 * to the model's result. Each frame a call keeps open while it waits, and each
 * function the JIT compiles, was a measurable share of what aigc added to a
 * plain call over Node's `fetch` (docs/performance.md); a model's `doGenerate`
 * can return this promise without being async itself.
 */
export function requestJson<T>(options: SendRequestOptions, maxBytes: number | undefined, map: JsonMapper<T>): Promise<T> {
  return exchange(options, map, maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES) as Promise<T>;
}

/** The request, the status check and, when `map` is given, the JSON body mapped: the frame behind both entry points above. */
async function exchange(options: SendRequestOptions, map: JsonMapper<unknown> | undefined, maxBytes: number | undefined): Promise<unknown> {
  let headers = cleanHeaders(options.headers);
  const context: RequestContext = {
    provider: options.provider,
    method: options.method ?? 'POST',
    url: redactUrl(options.url),
    secrets: mergeSecrets(collectSecrets(options.url, headers), options.secrets),
    parseError: options.parseError,
  };
  const fetchImpl = options.fetch ?? defaultFetch();
  let body = options.body;
  if (body instanceof MultipartForm) {
    // The form's own type wins: its boundary must match the body. A copy: the caller's object is not ours to change.
    if (headers === options.headers) headers = Object.assign({}, headers);
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
    headers['content-type'] = body.contentType;
    body = acceptsChunkedBodies(fetchImpl) ? (body.chunks() as unknown as BodyInit) : body.encode().body;
  }
  let response: Response;
  try {
    response = await fetchImpl(options.url, {
      method: context.method,
      headers,
      body,
      signal: options.abortSignal,
    });
  } catch (error) {
    if (options.abortSignal?.aborted) throw options.abortSignal.reason;
    throw new NetworkError({ provider: context.provider, url: context.url, method: context.method, cause: scrubError(error, context) });
  }
  if (!response.ok) throw await apiErrorFromResponse(response, context, options.maxErrorBytes);
  if (map === undefined) return { response, context };
  return map(parseJsonBody(await readText(response, context, maxBytes), context), response, context);
}

/** Builds the `APICallError` for a non-2xx response, reading (a capped amount of) its body. */
export async function apiErrorFromResponse(response: Response, context: RequestContext, maxBytes = 1024 * 1024): Promise<APICallError> {
  let text = '';
  try {
    text = await readTextCapped(response, maxBytes);
  } catch (error) {
    text = error instanceof ResponseTooLargeError ? '(error body over the size limit)' : '';
  }
  return createApiError(context, { statusCode: response.status, responseHeaders: headersToRecord(response.headers), text });
}

/**
 * Builds an `APICallError` for an error the provider reported, with or without
 * an HTTP status (Baidu and midjourney-proxy report errors inside 200 bodies).
 */
export function createApiError(
  context: RequestContext,
  options: { statusCode?: number; responseHeaders?: Record<string, string>; text: string; data?: unknown; isRetryable?: boolean },
): APICallError {
  // Redact before parsing so no field of the error (data included) can hold a secret echoed by the server.
  const body = redactSecrets(options.text, context.secrets);
  let data = body === options.text ? options.data : undefined;
  if (data === undefined && body) {
    try {
      data = JSON.parse(body);
    } catch {
      // Not JSON (an HTML error page, a proxy's text): the text is the message.
    }
  }
  const info = context.parseError?.(data, body, options.statusCode);
  const status = options.statusCode === undefined ? '' : ` with ${options.statusCode}`;
  const detail = info?.message ?? (body.trim().slice(0, 200) || 'no details');
  return new APICallError({
    message: redactSecrets(`${context.method} ${context.url} failed${status}: ${detail}`, context.secrets),
    provider: context.provider,
    url: context.url,
    statusCode: options.statusCode,
    code: info?.code,
    responseHeaders: options.responseHeaders,
    responseBody: body.length > ERROR_BODY_LIMIT ? `${body.slice(0, ERROR_BODY_LIMIT)}…` : body,
    // DESIGN §5: the server's x-should-retry wins over what the provider's error code implies.
    isRetryable: options.isRetryable ?? shouldRetryHeader(options.responseHeaders) ?? info?.isRetryable,
    data,
  });
}

/**
 * Reads a 2xx JSON body (capped). An HTML page or broken JSON becomes
 * `InvalidResponseError`, a body over the cap `APICallError`, a connection
 * that breaks while the body arrives `NetworkError`.
 */
export async function readJson(response: Response, context: RequestContext, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<unknown> {
  return parseJsonBody(await readText(response, context, maxBytes), context);
}

/** A whole 2xx body as JSON, scrubbed of secrets before parsing; not JSON is an `InvalidResponseError`. */
function parseJsonBody(text: string, context: RequestContext): unknown {
  // Scrubbed before parsing, like error bodies: no value derived from the body (an InvalidResponseError's rawValue) can hold a secret it echoed.
  const body = redactSecrets(text, context.secrets);
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new InvalidResponseError({
      provider: context.provider,
      message: `${context.method} ${context.url} returned a body that is not JSON`,
      rawValue: body,
      cause: error,
    });
  }
}

/**
 * Reads a whole 2xx body (capped, default 64 MiB) for bodies that are not
 * JSON (images, audio): past the cap an `APICallError`, a connection that
 * breaks while the body arrives a retryable `NetworkError`, an abort as is.
 */
export async function readBody(response: Response, context: RequestContext, maxBytes?: number): Promise<Uint8Array> {
  try {
    return await readBodyCapped(response, maxBytes);
  } catch (error) {
    throw bodyReadError(error, response, context);
  }
}

/** What a failed body read throws: an `APICallError` past the cap, the abort as is, else a retryable `NetworkError`. */
function bodyReadError(error: unknown, response: Response, context: RequestContext): unknown {
  if (error instanceof ResponseTooLargeError) {
    return createApiError(context, { statusCode: response.status, text: error.message, data: null, isRetryable: false });
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') return error;
  // The connection broke mid-body (reset, bad gzip): typed and retryable like a failed fetch.
  return new NetworkError({ provider: context.provider, url: context.url, method: context.method, cause: scrubError(error, context), phase: 'while reading the response body' });
}

/**
 * A streamed body (audio, raw bytes) whose read failures (a reset, a broken
 * gzip) become a `NetworkError` naming the request, like {@link readBody};
 * an abort or timeout passes through, and cancelling cancels the body.
 */
export function typedBodyStream(body: ReadableStream<Uint8Array>, context: RequestContext, phase = 'while reading the response stream'): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          const name = (error as { name?: unknown } | null)?.name;
          if (name === 'AbortError' || name === 'TimeoutError') throw error;
          throw new NetworkError({ provider: context.provider, url: context.url, method: context.method, cause: scrubError(error, context), phase });
        }
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** {@link readBody} as UTF-8 text. */
export function readText(response: Response, context: RequestContext, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<string> {
  // A promise chain, not an async function: a JSON call awaits this every time, and each async frame
  // per call was a visible share of a plain call's allocations (docs/performance.md).
  return readBodyCapped(response, maxBytes).then(decodeUtf8, (error: unknown) => {
    throw bodyReadError(error, response, context);
  });
}

/** Response headers as a plain lower-cased record. */
export function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

function shouldRetryHeader(headers: Record<string, string> | undefined): boolean | undefined {
  const value = headers?.['x-should-retry'];
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

function mergeSecrets(collected: string[], extra: string[] | undefined): string[] {
  if (!extra?.length) return collected;
  return sortLongestFirst([...collected, ...extra.filter((secret) => secret.length >= MIN_SECRET_LENGTH)]);
}

/** The headers without undefined values: the same object when it has none (fetch copies it anyway), else a copy. */
function cleanHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  for (const key in headers) if (headers[key] === undefined) return definedHeaders(headers);
  return headers as Record<string, string>;
}

function definedHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function scrubError(error: unknown, context: RequestContext): unknown {
  if (error instanceof Error && context.secrets.some((secret) => error.message.includes(secret))) {
    return new Error(redactSecrets(error.message, context.secrets));
  }
  return error;
}
