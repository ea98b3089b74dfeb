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
