import type { Dispatcher } from 'undici';
import type { FetchFunction } from '../send-request.js';

/**
 * Builds the undici transport: a keep-alive `Agent` (per origin as many
 * sockets as requests in flight, idle ones kept 4 s: undici's defaults, which
 * Node's own `fetch` uses too).
 *
 * Loaded on the first request, from undici's modules rather than its index:
 * measured on Node 20, `import('undici')` takes ~120 ms (it loads fetch,
 * WebSocket, the cache and the mocks), the two modules used here ~35 ms, and
 * an `import('aigc')` that pulled either in eagerly would miss the cold-start
 * budget. The paths are stable within the pinned undici version (7.30.2).
 *
 * `interceptors` run on every request, redirects included (the tests use one
 * to send every request to a local relay).
 */
export async function loadUndiciFetch(interceptors: Dispatcher.DispatcherComposeInterceptor[] = []): Promise<FetchFunction> {
  const [agent, request, { createUndiciFetch }] = await Promise.all([
    import('undici/lib/dispatcher/agent.js'),
    import('undici/lib/api/api-request.js'),
    import('./undici-fetch.js'),
  ]);
  // No undici interceptors of our own: redirects (redirect.ts) and decoding (decode-body.ts) cost
  // nothing on the common path there, and the decompress interceptor prints an ExperimentalWarning.
  const agentInstance = new agent.default();
  const dispatcher = interceptors.length > 0 ? agentInstance.compose(...interceptors) : agentInstance;
  return createUndiciFetch(request.default, dispatcher);
}
