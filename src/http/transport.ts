import type { FetchFunction } from './send-request.js';

/**
 * The transport `sendRequest` uses when no `fetch` was injected: the global
 * `fetch`, looked up at call time so tests and polyfills can patch it. This is
 * the `default` target of the `#transport` import (edge runtimes, browsers,
 * Deno, Bun); Node resolves `#transport` to `node/transport.ts` instead.
 */
export function defaultFetch(): FetchFunction {
  return globalThis.fetch;
}

/**
 * The platform's own base64 decoder where it is faster than the portable one
 * in util/base64.ts (on Node, `Buffer`; see node/decode-base64.ts); none here.
 * Returns undefined for text it cannot vouch for, which the portable decoder
 * then handles (or rejects).
 */
export const decodeBase64Natively: ((text: string) => Uint8Array | undefined) | undefined = undefined;
