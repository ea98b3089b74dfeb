import { base64ToUint8Array, uint8ArrayToBase64 } from './base64.js';
import { detectMediaType } from './detect-media-type.js';

/**
 * A generated image or audio clip. Bytes and base64 are converted into each
 * other lazily, on first access, so a caller who only wants one form never
 * pays for the other.
 */
export interface GeneratedFile {
  /** The raw bytes. */
  readonly uint8Array: Uint8Array;
  /** The bytes as standard base64, without a data-URL prefix. */
  readonly base64: string;
  /** IANA media type, e.g. `image/png`: the provider's word, else sniffed from the bytes, else the fallback. */
  readonly mediaType: string;
}

/**
 * Wraps bytes or base64 as a {@link GeneratedFile}. When `mediaType` is not
 * given it is sniffed from the first bytes (only the first few base64
 * characters are decoded for that), falling back to `fallbackMediaType`.
 *
 * @example
 * const file = createGeneratedFile({ data: 'iVBORw0KGgo…' });
 * file.mediaType; // 'image/png'
 */
export function createGeneratedFile(options: {
  data: Uint8Array | string;
  mediaType?: string;
  fallbackMediaType?: string;
}): GeneratedFile {
  return new DefaultGeneratedFile(options.data, options.mediaType, options.fallbackMediaType ?? 'application/octet-stream');
}

class DefaultGeneratedFile implements GeneratedFile {
  readonly mediaType: string;
  private bytes: Uint8Array | undefined;
  private encoded: string | undefined;

  constructor(data: Uint8Array | string, mediaType: string | undefined, fallbackMediaType: string) {
    if (typeof data === 'string') this.encoded = data;
    else this.bytes = data;
    this.mediaType = usable(mediaType) ?? detectMediaType(this.head()) ?? fallbackMediaType;
  }

  get uint8Array(): Uint8Array {
    this.bytes ??= base64ToUint8Array(this.encoded!);
    return this.bytes;
  }

  get base64(): string {
    this.encoded ??= uint8ArrayToBase64(this.bytes!);
    return this.encoded;
  }

  /** Plain data for `JSON.stringify` and loggers, which skip getters. */
  toJSON(): { mediaType: string; base64: string } {
    return { mediaType: this.mediaType, base64: this.base64 };
  }

  private head(): Uint8Array {
    if (this.bytes) return this.bytes.subarray(0, 16);
    // 24 base64 characters decode to the first 18 bytes, enough for every signature we sniff.
    const prefix = this.encoded!.slice(0, 64).replace(/\s/g, '').slice(0, 24);
    try {
      return base64ToUint8Array(prefix.slice(0, prefix.length - (prefix.length % 4)));
    } catch {
      return new Uint8Array(0);
    }
  }
}

// `application/octet-stream` says nothing; sniffing does better.
function usable(mediaType: string | undefined): string | undefined {
  if (!mediaType) return undefined;
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream' ? undefined : mediaType.trim();
}
