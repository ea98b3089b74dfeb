import type { Dispatcher } from 'undici';
import type { FetchFunction } from '../send-request.js';

/**
 * Builds the undici transport: a keep-alive `Agent` (per origin as many
 * sockets as requests in flight, idle ones kept 4 s: undici's defaults, which
 * Node's own `fetch` uses too) that follows redirects the way `fetch` does (up
 * to 20; 301/302/303 turn a POST into a GET; credentials are dropped on a
 * cross-origin hop).
 *
 * Loaded on the first request, from undici's modules rather than its index:
 * measured on Node 20, `import('undici')` takes ~120 ms (it loads fetch,
 * WebSocket, the cache and the mocks), the three modules used here ~35 ms, and
 * an `import('aigc')` that pulled either in eagerly would miss the cold-start
 * budget. The paths are stable within the pinned undici version (7.30.2).
 *
 * `interceptors` run inside the redirect handler, on every hop (the tests use
 * one to send every request to a local relay).
 */
export async function loadUndiciFetch(interceptors: Dispatcher.DispatcherComposeInterceptor[] = []): Promise<FetchFunction> {
  const [agent, request, redirect, { createUndiciFetch }] = await Promise.all([
    import('undici/lib/dispatcher/agent.js'),
    import('undici/lib/api/api-request.js'),
    import('undici/lib/interceptor/redirect.js'),
    import('./undici-fetch.js'),
  ]);
  // undici's decompress interceptor prints an ExperimentalWarning; decode-body.ts does that job.
  const dispatcher = new agent.default().compose(...interceptors, redirect.default({ maxRedirections: 20 }));
  return createUndiciFetch(request.default, dispatcher);
}
