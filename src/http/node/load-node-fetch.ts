import type { FetchFunction } from '../send-request.js';
import type { NodeHttpClient, NodeRequestInterceptor } from './node-http-fetch.js';

/**
 * Idle keep-alive connections are closed after 4 s, under the 5 s after which
 * Node's own servers (and many proxies) drop them, so a request rarely lands
 * on a socket the server is closing; undici and Node's `fetch` use 4 s too.
 */
const KEEP_ALIVE_MS = 4_000;

/**
 * Builds the Node transport (node-http-fetch.ts), loaded on the first request
 * so that `import('aigc')` stays cheap; `node:https` (and TLS with it) loads
 * only when an https URL is requested. One keep-alive agent per protocol,
 * with no cap on sockets per origin, as the undici `Agent` of the transport
 * before it had. `intercept` rewrites each request just before it is sent,
 * every redirect hop included (the `node` test project uses it to route all
 * traffic to a local relay).
 */
export async function loadNodeFetch(intercept?: NodeRequestInterceptor): Promise<FetchFunction> {
  // Imported here, not at the top: the transport pulls in node:zlib and its own modules, which measured
  // ~5-10 ms of `import('aigc')` when loaded eagerly (referee cold-start scenario).
  const { createNodeHttpFetch } = await import('./node-http-fetch.js');
  return createNodeHttpFetch(loadClient, intercept);
}

async function loadClient(protocol: 'http:' | 'https:'): Promise<NodeHttpClient> {
  const module = protocol === 'https:' ? await import('node:https') : await import('node:http');
  return { request: module.request, agent: new module.Agent({ keepAlive: true, timeout: KEEP_ALIVE_MS }) };
}
