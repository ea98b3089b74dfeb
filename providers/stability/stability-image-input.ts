import { DownloadError } from '../../src/errors/download-error.js';
import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { readBodyCapped, redactUrl, ResponseTooLargeError, type FetchFunction } from '../../src/http/index.js';
import type { ImageInput } from '../../src/provider/index.js';
import { base64ToUint8Array } from '../../src/util/base64.js';
import { detectMediaType } from '../../src/util/detect-media-type.js';

/** An input image as bytes, ready for a multipart part or base64. */
export interface ResolvedImage {
  /** The image bytes. */
  bytes: Uint8Array;
  /** The media type: sniffed from the bytes, else the caller's. */
  mediaType: string;
}

const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * Turns an input image (bytes, base64, data URL or http(s) URL) into bytes.
 * Stability and AUTOMATIC1111 both need the bytes themselves; a URL is
 * downloaded here, without the provider's credentials and with a size cap.
 * `argument` names the option in errors (`images[0]`, `mask`).
 */
export async function resolveImageInput(
  input: ImageInput,
  options: { argument: string; fetch?: FetchFunction; abortSignal?: AbortSignal },
): Promise<ResolvedImage> {
  let bytes: Uint8Array;
  if (input.data instanceof Uint8Array) bytes = input.data;
  else if (input.data instanceof URL && input.data.protocol !== 'data:') bytes = await download(input.data, options);
  else bytes = decode(input.data.toString(), options.argument);
  if (bytes.length === 0) throw new InvalidArgumentError({ argument: options.argument, message: 'is an empty image' });
  return { bytes, mediaType: detectMediaType(bytes) ?? input.mediaType };
}

function decode(text: string, argument: string): Uint8Array {
  const base64 = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  try {
    return base64ToUint8Array(base64);
  } catch {
    throw new InvalidArgumentError({ argument, message: 'must be bytes, base64, a data URL or an http(s) URL' });
  }
}

async function download(url: URL, options: { fetch?: FetchFunction; abortSignal?: AbortSignal }): Promise<Uint8Array> {
  const shown = redactUrl(url.toString());
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url.toString(), { signal: options.abortSignal });
  } catch (error) {
    if (options.abortSignal?.aborted) throw options.abortSignal.reason;
    throw new DownloadError({ url: shown, message: error instanceof Error ? error.message : String(error), cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new DownloadError({ url: shown, message: `status ${response.status}`, statusCode: response.status });
  }
  try {
    return await readBodyCapped(response, MAX_INPUT_BYTES);
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw new DownloadError({ url: shown, message: error.message, cause: error });
    throw error;
  }
}
