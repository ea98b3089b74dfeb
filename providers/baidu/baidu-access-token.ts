import { APICallError } from '../../src/errors/api-call-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { NetworkError } from '../../src/errors/network-error.js';
import { asNumber, asString, createApiError, isRecord, readJson, redactUrl, sendRequest, type FetchFunction } from '../../src/http/index.js';
import { parseBaiduError, TOKEN_ERROR_CODES } from './baidu-error.js';

/** The console's "API Key" and "Secret Key" of a Baidu AI app. */
export interface BaiduClientCredentials {
  /** The app's API Key (`client_id`). */
  clientId: string;
  /** The app's Secret Key (`client_secret`). */
  clientSecret: string;
}

/** OAuth access tokens for the v1 ERNIE API, ERNIE-ViLG and speech, shared by every model of a provider instance. */
export interface BaiduAccessTokenSource {
  /** A valid token: the cached one, or a fresh one (one token request however many callers wait). */
  get(abortSignal?: AbortSignal): Promise<string>;
  /** Drops `token` from the cache after the API rejected it (a newer token is kept). */
  invalidate(token: string): void;
}

/** Options of {@link createBaiduAccessTokenSource}. */
export interface BaiduAccessTokenSourceOptions {
  /** Reads the credentials at call time; throws `LoadAPIKeyError` when they are missing. */
  credentials: () => BaiduClientCredentials;
  /** The AIP host, e.g. `https://aip.baidubce.com`. */
  baseURL: () => string;
  /** Injected fetch. */
  fetch?: FetchFunction;
  /** Extra headers (the provider's `headers` setting). */
  headers?: () => Record<string, string | undefined>;
  /** The clock, for tests. */
  now?: () => number;
}

// Tokens live 30 days; renew an hour early (the official SDK's floor), or a tenth early for short-lived ones.
const MAX_RENEW_EARLY_MS = 3_600_000;
const DEFAULT_EXPIRES_IN_SECONDS = 2_592_000;
// The shared request follows no caller's signal, so it needs its own limit: a hung one would block every later call.
const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Exchanges client credentials for an access token at `/oauth/2.0/token`,
 * caches it until shortly before it expires, and refreshes it single-flight:
 * ten parallel calls make one token request. The shared request is not tied
 * to any one caller's signal, so an aborting caller does not fail the others.
 */
export function createBaiduAccessTokenSource(options: BaiduAccessTokenSourceOptions): BaiduAccessTokenSource {
  const now = options.now ?? Date.now;
  let cached: { key: string; token: string; renewAt: number } | undefined;
  let pending: { key: string; promise: Promise<string> } | undefined;

  const send = async (credentials: BaiduClientCredentials) => {
    const query = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret });
    const url = `${options.baseURL()}/oauth/2.0/token?${query}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${TOKEN_REQUEST_TIMEOUT_MS} ms`, 'TimeoutError')), TOKEN_REQUEST_TIMEOUT_MS);
    try {
      const { response, context } = await sendRequest({
        provider: 'baidu.oauth',
        url,
        headers: Object.assign({}, options.headers?.(), { accept: 'application/json' }),
        fetch: options.fetch,
        abortSignal: controller.signal,
        parseError: parseBaiduError,
        secrets: [credentials.clientSecret],
      });
      return { data: await readJson(response, context), context, status: response.status };
    } catch (error) {
      // Retryable, so core tries the whole call again with a fresh token request.
      if (controller.signal.aborted) throw new NetworkError({ provider: 'baidu.oauth', url: redactUrl(url), method: 'POST', cause: controller.signal.reason });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  const request = async (credentials: BaiduClientCredentials, key: string): Promise<string> => {
    const { data, context, status } = await send(credentials);
    const token = isRecord(data) ? asString(data.access_token) : undefined;
    if (!isRecord(data) || !token) {
      if (isRecord(data) && data.error !== undefined) throw createApiError(context, { statusCode: status, text: JSON.stringify(data), data, isRetryable: false });
      throw new InvalidResponseError({ provider: context.provider, message: 'the token response has no access_token' });
    }
    const lifetimeMs = (asNumber(data.expires_in) ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000;
    cached = { key, token, renewAt: now() + lifetimeMs - Math.min(MAX_RENEW_EARLY_MS, lifetimeMs / 10) };
    return token;
  };

  return {
    get(abortSignal) {
      abortSignal?.throwIfAborted();
      const credentials = options.credentials();
      const key = `${credentials.clientId}\n${credentials.clientSecret}`;
      if (cached && cached.key === key && now() < cached.renewAt) return Promise.resolve(cached.token);
      if (!pending || pending.key !== key) {
        const promise = request(credentials, key);
        const current = { key, promise };
        pending = current;
        const settle = () => {
          if (pending === current) pending = undefined;
        };
        promise.then(settle, settle);
      }
      return raceWithSignal(pending.promise, abortSignal);
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/**
 * Runs `send` with an access token; when the API answers that the token is
 * invalid or expired (110/111, or the service's own `tokenErrorCodes`), drops
 * it, fetches a new one and runs `send` once more.
 */
export async function withAccessToken<T>(
  source: BaiduAccessTokenSource,
  abortSignal: AbortSignal | undefined,
  send: (token: string) => Promise<T>,
  tokenErrorCodes: readonly string[] = TOKEN_ERROR_CODES,
): Promise<T> {
  const token = await source.get(abortSignal);
  try {
    return await send(token);
  } catch (error) {
    if (!APICallError.isInstance(error) || error.code === undefined || !tokenErrorCodes.includes(error.code)) throw error;
    source.invalidate(token);
    return send(await source.get(abortSignal));
  }
}

function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
