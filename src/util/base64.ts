import { decodeBase64Natively } from '../http/transport.js';

/** Encodes bytes as base64 with web APIs only (no `Buffer`), in chunks so large images do not overflow the call stack. */
export function uint8ArrayToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode.apply(null, bytes.subarray(index, index + chunk) as unknown as number[]);
  }
  return btoa(binary);
}

/** Sextet per character code, for standard and URL-safe alphabets; 255 marks anything else. */
const SEXTETS = /* @__PURE__ */ (() => {
  const table = new Uint8Array(256).fill(255);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let index = 0; index < 64; index++) table[alphabet.charCodeAt(index)] = index;
  table[45] = 62; // '-'
  table[95] = 63; // '_'
  return table;
})();

/**
 * Decodes base64 (standard or URL-safe, padding optional, whitespace
 * ignored) to bytes. Throws on invalid input.
 *
 * Uses the platform's `Uint8Array.fromBase64` where it exists, then the
 * runtime's own decoder where the build has one (`Buffer` on Node, through
 * the `#transport` import: core code imports nothing from `node:`), and
 * otherwise a table decoder straight into the result. Measured on Node 20 over a 4 MiB
 * `b64_json` image: `atob` plus a `charCodeAt` copy loop took ~23 ms, this
 * ~10 ms (`Buffer.from(s, 'base64')` 1.5-5 ms), and
 * it builds no intermediate binary string as large as the image. Whitespace
 * is only looked for once the fast pass failed: a regex scan of 4 MiB alone
 * costs ~4 ms.
 */
export function base64ToUint8Array(base64: string): Uint8Array {
  const fromBase64 = (Uint8Array as { fromBase64?: (text: string, options: { alphabet: string }) => Uint8Array }).fromBase64;
  if (fromBase64) {
    try {
      return fromBase64(base64, { alphabet: 'base64' });
    } catch {
      // URL-safe or otherwise unusual input: the table decoder below accepts it or throws.
    }
  }
  const native = decodeBase64Natively?.(base64);
  if (native) return native;
  const bytes = decodeSextets(base64);
  if (bytes) return bytes;
  const stripped = base64.replace(/\s/g, '');
  const retried = stripped.length === base64.length ? undefined : decodeSextets(stripped);
  if (!retried) throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  return retried;
}

/** The bytes of `text`, or undefined when it holds anything but base64 characters and end padding. */
function decodeSextets(text: string): Uint8Array | undefined {
  let end = text.length;
  if (end % 4 === 0 && text.charCodeAt(end - 1) === 61) end -= text.charCodeAt(end - 2) === 61 ? 2 : 1;
  if (end % 4 === 1) return undefined;
  const bytes = new Uint8Array((end * 3) >> 2);
  let out = 0;
  let invalid = 0;
  let index = 0;
  for (; index + 4 <= end; index += 4) {
    const a = SEXTETS[text.charCodeAt(index)]!;
    const b = SEXTETS[text.charCodeAt(index + 1)]!;
    const c = SEXTETS[text.charCodeAt(index + 2)]!;
    const d = SEXTETS[text.charCodeAt(index + 3)]!;
    // Checked once at the end rather than per group: a branch per group cost a third of the time.
    invalid |= a | b | c | d;
    const group = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = group >> 16;
    bytes[out++] = (group >> 8) & 255;
    bytes[out++] = group & 255;
  }
  if (index < end) {
    const a = SEXTETS[text.charCodeAt(index)]!;
    const b = SEXTETS[text.charCodeAt(index + 1)]!;
    const c = index + 2 < end ? SEXTETS[text.charCodeAt(index + 2)]! : 0;
    invalid |= a | b | c;
    const group = (a << 18) | (b << 12) | (c << 6);
    bytes[out++] = group >> 16;
    if (index + 2 < end) bytes[out++] = (group >> 8) & 255;
  }
  return invalid > 63 ? undefined : bytes;
}
