import { DownloadError } from '../errors/download-error.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/read-body.js';
import { collectSecrets, redactSecrets, redactUrl } from '../http/redact.js';
import { base64ToUint8Array } from './base64.js';
import { createCallSignal } from './call-signal.js';
import { discardBody, readBodyAtMost } from './download-read.js';

/** How core downloads media a provider returned as a URL (or an input given as a URL). */
export interface DownloadSettings {
  /** Largest body accepted, in bytes; default 64 MiB. A larger one fails with `DownloadError`. */
  maxBytes?: number;
  /** Per-download timeout in ms; default 60 000. The call's own `timeout` and `abortSignal` apply too. */
  timeout?: number;
  /** The fetch to use; default `globalThis.fetch`, looked up at call time. */
  fetch?: typeof globalThis.fetch;
}

/** A downloaded body. */
export interface DownloadResult {
  /** The bytes. */
  data: Uint8Array;
  /** The `content-type` the server sent (or the data URL's type), if any. */
  mediaType: string | undefined;
}

const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Downloads `url` with a size cap and a timeout. Sends no credentials and no
 * provider headers: generated media often lives on another host (a CDN, a
 * signed blob URL), and an API key must never travel there. `data:` URLs are
 * decoded in place. Failures are a `DownloadError` with the URL redacted
 * (signed URLs carry `sig=`); an abort rethrows the caller's reason.
 *
 * @example
 * const { data, mediaType } = await download(new URL(imageUrl), { maxBytes: 10_000_000 }, signal);
 */
export async function download(url: URL | string, settings: DownloadSettings = {}, abortSignal?: AbortSignal): Promise<DownloadResult> {
  const href = url.toString();
  const shown = redactUrl(href);
  const dataUrl = /^data:([^;,]+)?(;base64)?,/i.exec(href);
  if (dataUrl) return decodeDataUrl(href, dataUrl, shown);
  if (!/^https?:\/\//i.test(href)) {
    throw new DownloadError({ url: shown, message: 'only http(s) and data URLs can be downloaded' });
  }
  const maxBytes = settings.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const secrets = collectSecrets(href, {});
  const callSignal = createCallSignal(abortSignal, settings.timeout ?? DEFAULT_DOWNLOAD_TIMEOUT_MS);
  const signal = callSignal.signal!;
  try {
    const fetchImpl = settings.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      // No `credentials` option: Cloudflare Workers reject it, and no headers are sent to begin with.
      response = await fetchImpl(href, { method: 'GET', signal, redirect: 'follow' });
    } catch (error) {
      throw abortedOrWrapped(error, signal, abortSignal, shown, secrets);
    }
    if (!response.ok) {
      discardBody(response.body);
      throw new DownloadError({ url: shown, statusCode: response.status, message: `the server answered ${response.status}` });
    }
    const tooLarge = () =>
      new DownloadError({ url: shown, statusCode: response.status, message: `the body is larger than the ${maxBytes}-byte limit` });
    if (Number(response.headers.get('content-length')) > maxBytes) {
      discardBody(response.body);
      throw tooLarge();
    }
    let data: Uint8Array | undefined;
    try {
      data = await readBodyAtMost(response.body, maxBytes);
    } catch (error) {
      throw abortedOrWrapped(error, signal, abortSignal, shown, secrets);
    }
    if (!data) throw tooLarge();
    return { data, mediaType: response.headers.get('content-type') ?? undefined };
  } finally {
    callSignal.dispose();
  }
}

function abortedOrWrapped(error: unknown, signal: AbortSignal, caller: AbortSignal | undefined, shown: string, secrets: string[]): unknown {
  if (caller?.aborted) return caller.reason;
  if (signal.aborted) return new DownloadError({ url: shown, message: 'it timed out', cause: signal.reason });
  const message = error instanceof Error ? redactSecrets(error.message, secrets) : 'network error';
  return new DownloadError({ url: shown, message, cause: error instanceof Error && message !== error.message ? undefined : error });
}

function decodeDataUrl(href: string, match: RegExpExecArray, shown: string): DownloadResult {
  const payload = href.slice(match[0].length);
  try {
    const data = match[2] ? base64ToUint8Array(payload) : new TextEncoder().encode(decodeURIComponent(payload));
    return { data, mediaType: match[1] };
  } catch (error) {
    throw new DownloadError({ url: shown.slice(0, 64), message: 'the data URL is not valid', cause: error });
  }
}
