import { Buffer } from 'node:buffer';

/**
 * Base64 to bytes with Node's native decoder. Measured on Node 20 over a
 * 4 MiB `b64_json` image: `Buffer.from(text, 'base64')` 1.5–5 ms, the portable
 * table decoder (util/base64.ts) ~10 ms. `Buffer` skips characters that are
 * not base64 instead of failing, so the decoded length is checked against the
 * length the text implies: undefined (let the strict decoder decide) for
 * whitespace, stray characters or padding in the middle.
 */
export function decodeBase64Natively(text: string): Uint8Array | undefined {
  let end = text.length;
  if (end % 4 === 0 && text.charCodeAt(end - 1) === 61) end -= text.charCodeAt(end - 2) === 61 ? 2 : 1;
  if (end % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength !== (end * 3) >> 2) return undefined;
  // Small results are slices of Buffer's shared pool: copied, so `.buffer` holds these bytes alone, as it would from the portable decoder.
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) return new Uint8Array(bytes);
  return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
}
