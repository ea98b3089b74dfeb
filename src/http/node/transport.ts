import type { FetchFunction } from '../send-request.js';
import { BODY_CHUNKS } from '../chunked-body.js';
import { loadNodeFetch } from './load-node-fetch.js';

let nodeFetch: FetchFunction | undefined;
let loading: Promise<FetchFunction> | undefined;

/** The node:http transport, built on the first request so that importing aigc stays cheap (see load-node-fetch.ts). */
const lazyNodeFetch: FetchFunction = Object.assign(
  (input: RequestInfo | URL, init?: RequestInit) => {
    if (nodeFetch) return nodeFetch(input, init);
    loading ??= loadNodeFetch().then((loaded) => (nodeFetch = loaded));
    return loading.then((loaded) => loaded(input, init));
  },
  // It writes a multipart form's chunks as they are, as the transport it loads does (chunked-body.ts).
  { [BODY_CHUNKS]: true as const },
);

let seenFetch: unknown;
let seenIsNodeOwn = false;

/**
 * The transport `sendRequest` uses when no `fetch` was injected, on Node (the
 * `node` condition of the `#transport` import): the `node:http` transport
 * (node-http-fetch.ts), which the referee bench measures at a fraction of the
 * built-in `fetch`'s CPU per request and ~20 MB lower in RSS, unless `globalThis.fetch` is no longer Node's own. A replaced
 * global fetch (msw and nock-style mocks, a polyfill, APM instrumentation) is
 * honoured as on every other runtime, looked up at call time.
 */
export function defaultFetch(): FetchFunction {
  const current = globalThis.fetch;
  if (current !== seenFetch) {
    seenFetch = current;
    seenIsNodeOwn = isNodeOwnFetch(current);
  }
  return seenIsNodeOwn ? lazyNodeFetch : current;
}

/**
 * True for the `fetch` Node installs at startup. Identity cannot tell (a mock
 * may patch the global before aigc is imported), so this checks the source of
 * Node's lazy-loading wrapper (the same in Node 20 and 22); a wrapper, a Proxy
 * or a polyfill reads differently, and a future Node that changes it only
 * loses the fast path.
 */
export function isNodeOwnFetch(fetch: unknown): boolean {
  return typeof fetch === 'function' && fetch.name === 'fetch' && Function.prototype.toString.call(fetch).includes('internal/deps/undici/undici');
}

export { decodeBase64Natively } from './decode-base64.js';
