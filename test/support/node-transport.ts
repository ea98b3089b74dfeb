import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BODY_CHUNKS } from '../../src/http/chunked-body.js';
import { loadNodeFetch } from '../../src/http/node/load-node-fetch.js';
import type { NodeRequestInterceptor } from '../../src/http/node/node-http-fetch.js';
import type { FetchFunction } from '../../src/http/send-request.js';

/**
 * The transport of the `node` vitest project (vitest.config.ts routes
 * send-request's `./transport.js` here): the production `node:http`
 * transport, with an interceptor that sends every request (each redirect hop
 * too) over a real socket to a relay on 127.0.0.1. The relay replays it
 * through `globalThis.fetch`, which msw intercepts, and streams msw's answer
 * back, so the provider suites and their msw handlers run unchanged over
 * node:http. A client abort closes the socket, which aborts the relayed
 * request (msw's `request.signal`) and cancels the handler's body.
 */
let relay: { server: Server; origin: string } | undefined;
let transport: Promise<FetchFunction> | undefined;

const ORIGIN_HEADER = 'x-aigc-relay-origin';
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', ORIGIN_HEADER]);

const relayFetch: FetchFunction = Object.assign(
  async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!relay) throw new Error('the node:http relay is not running (test/support/node-setup.ts)');
    transport ??= loadNodeFetch(relayTo(() => relay!.origin));
    return (await transport)(input, init);
  },
  // As the production lazy transport is: multipart forms reach node:http as their chunks (chunked-body.ts).
  { [BODY_CHUNKS]: true as const },
);

/** The `defaultFetch` of src/http/transport.ts, for the `node` project. */
export function defaultFetch(): FetchFunction {
  return relayFetch;
}

/** Sends a request to the relay (same path and query) and tells it, in a header, which origin it was meant for. */
function relayTo(origin: () => string): NodeRequestInterceptor {
  return ({ url, headers }) => {
    // Path and query set as parts, not parsed: a path starting with `//` must not read as a host.
    const relayed = new URL(origin());
    relayed.pathname = url.pathname;
    relayed.search = url.search;
    return { url: relayed, headers: { ...headers, [ORIGIN_HEADER]: url.origin } };
  };
}

/** Starts the relay (once per test file, from node-setup.ts). */
export async function startRelay(): Promise<void> {
  const server = createServer((request, response) => void forward(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay = { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Stops the relay and drops its connections. */
export async function stopRelay(): Promise<void> {
  const current = relay;
  relay = undefined;
  if (!current) return;
  current.server.closeAllConnections();
  await new Promise<void>((resolve) => current.server.close(() => resolve()));
}

async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const controller = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  response.once('close', () => {
    if (response.writableFinished) return;
    controller.abort(new Error('the client closed the connection'));
    reader?.cancel(controller.signal.reason).catch(() => {});
  });
  const headers = new Headers();
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index]!;
    const lower = name.toLowerCase();
    // The body is passed as bytes, so fetch sets its own length.
    if (!HOP_BY_HOP.has(lower) && lower !== 'content-length') headers.append(name, request.rawHeaders[index + 1]!);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await globalThis.fetch(`${request.headers[ORIGIN_HEADER]}${request.url}`, {
      method: request.method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
      signal: controller.signal,
    });
  } catch {
    // msw's HttpResponse.error() (a network error): the client sees its socket die.
    request.socket.destroy();
    return;
  }
  const responseHeaders: string[] = [];
  upstream.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) responseHeaders.push(name, value);
  });
  response.writeHead(upstream.status, upstream.statusText, responseHeaders);
  if (!upstream.body) return void response.end();
  reader = upstream.body.getReader();
  if (controller.signal.aborted) reader.cancel(controller.signal.reason).catch(() => {});
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!response.write(value)) await new Promise((resolve) => response.once('drain', resolve));
      // One chunk per event-loop turn, as a handler's chunks would arrive from a real server: a client
      // that stops early then closes its socket while the relay is still sending, and the handler sees it.
      await new Promise((resolve) => setImmediate(resolve));
      if (controller.signal.aborted) throw controller.signal.reason;
    }
    response.end();
  } catch {
    reader.cancel().catch(() => {});
    response.destroy();
  }
}
