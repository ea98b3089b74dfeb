import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { detectMediaType } from '../../src/util/detect-media-type.js';
import { uint8ArrayToBase64 } from '../../src/util/base64.js';

/** An input image as the proxy takes it: a data URL for `base64`/`base64Array`, or a public URL for an image prompt. */
export type MidjourneyImageInput = { type: 'data-url'; dataUrl: string } | { type: 'url'; url: string };

/**
 * Converts bytes, base64, a data URL or a URL into what the proxy takes.
 * `argument` names the input in errors (`images[1]`, `image`).
 */
export function toMidjourneyImageInput(data: Uint8Array | URL | string, mediaType: string | undefined, argument: string): MidjourneyImageInput {
  if (data instanceof URL) {
    if (data.protocol === 'data:') return { type: 'data-url', dataUrl: data.href };
    if (data.protocol === 'http:' || data.protocol === 'https:') return { type: 'url', url: data.href };
    throw new InvalidArgumentError({ argument, message: 'must be an http(s) or data URL' });
  }
  if (data instanceof Uint8Array) {
    if (data.byteLength === 0) throw new InvalidArgumentError({ argument, message: 'is empty' });
    const type = mediaType ?? detectMediaType(data) ?? 'image/png';
    return { type: 'data-url', dataUrl: `data:${type};base64,${uint8ArrayToBase64(data)}` };
  }
  if (typeof data === 'string') {
    const trimmed = data.trim();
    if (/^data:image\/[\w.+-]+;base64,/i.test(trimmed)) return { type: 'data-url', dataUrl: trimmed };
    if (/^https?:\/\//i.test(trimmed)) return { type: 'url', url: trimmed };
    if (trimmed !== '' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
      return { type: 'data-url', dataUrl: `data:${mediaType ?? 'image/png'};base64,${trimmed}` };
    }
  }
  throw new InvalidArgumentError({ argument, message: 'must be bytes, base64, a data URL or an http(s) URL' });
}

/** A data URL for endpoints that take only uploaded images (`describe`, `blend`); a URL throws `InvalidArgumentError`. */
export function toMidjourneyDataUrl(data: Uint8Array | URL | string, mediaType: string | undefined, argument: string): string {
  const input = toMidjourneyImageInput(data, mediaType, argument);
  if (input.type === 'url') {
    throw new InvalidArgumentError({ argument, message: 'must be image bytes or base64 here (the proxy uploads it to Discord); download the URL first' });
  }
  return input.dataUrl;
}
