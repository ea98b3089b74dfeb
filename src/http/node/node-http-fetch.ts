import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { BODY_CHUNKS, isChunkedBody } from '../chunked-body.js';
import { concatChunks } from '../read-body.js';
import type { FetchFunction } from '../send-request.js';
import { decodeBody } from './decode-body.js';
import { NodeHeaders } from './node-headers.js';
import { NodeResponse } from './node-response.js';
import { MAX_REDIRECTS, nextRedirect, type RedirectableRequest } from './redirect.js';
import { hasHeader, prepareBody, toHeaderRecord, type NodeRequestBody } from './request-init.js';

/** `node:http` or `node:https`: the request function and the keep-alive agent used with it. */
export interface NodeHttpClient {
  /** `http.request` or `https.request`. */
  request: (url: URL, options: RequestOptions, callback?: (response: IncomingMessage) => void) => ClientRequest;
  /** The agent that keeps connections alive between requests. */
  agent: Agent;
}

/** Loads the client for `http:` or `https:` (https, and with it TLS, only when a request needs it). */
export type NodeHttpClientLoader = (protocol: 'http:' | 'https:') => Promise<NodeHttpClient>;

/** Rewrites each request just before it is sent, redirects included (the tests route everything to a local relay). */
export type NodeRequestInterceptor = (request: { url: URL; headers: Record<string, string> }) => { url: URL; headers: Record<string, string> };

/** Statuses whose response has no body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for the requests aigc makes, on `node:http`/`node:https` with
 * keep-alive agents. Measured in the referee harness on Node 20 (docs/performance.md),
 * per 20k-chunk stream and per call, against undici's `request` and
 * `dispatch` APIs and Node's own `fetch` (undici's WHATWG layer): `node:http`
 * parses in C++ where undici runs llhttp in WebAssembly behind JS glue that the
 * JIT must warm up per process, so it took the least CPU in every scenario,
 * and a process that streamed peaked ~20 MB lower in RSS.
 *
 * It answers with the `Response` API (NodeResponse, whose body stays a Node
 * stream until asked for), so everything downstream (error mapping, capped
 * reads, SSE parsing) is the code that runs on every other runtime.
 * Redirects are followed as `fetch` does (redirect.ts); an abort rejects with
 * the signal's reason and, mid-body, errors the body with it.
 *
 * It takes what `sendRequest` sends: a URL string or `URL`, and `init` with a
 * method, headers, a body and a signal. Anything else (a `Request` object,
 * `redirect: 'manual'`, a non-HTTP URL) goes to the global `fetch`.
 */
export function createNodeHttpFetch(load: NodeHttpClientLoader, intercept?: NodeRequestInterceptor): FetchFunction {
  const clients: { 'http:'?: NodeHttpClient; 'https:'?: NodeHttpClient } = {};
  // The load itself is shared: requests made before the first one's client arrives must not each build an agent.
  const loading: { 'http:'?: Promise<NodeHttpClient>; 'https:'?: Promise<NodeHttpClient> } = {};
  const clientFor = (protocol: 'http:' | 'https:'): Promise<NodeHttpClient> =>
    (loading[protocol] ??= load(protocol).then(
      (client) => (clients[protocol] = client),
      (error: unknown) => {
        // A failed load is not remembered: the next request tries again.
        delete loading[protocol];
        throw error;
      },
    ));

  const nodeHttpFetch: FetchFunction = async function nodeHttpFetch(input, init = {}) {
    const url = typeof input === 'string' ? new URL(input) : input;
    if (!(url instanceof URL) || (url.protocol !== 'http:' && url.protocol !== 'https:') || (init.redirect !== undefined && init.redirect !== 'follow')) {
      return globalThis.fetch(input, isChunkedBody(init.body) ? Object.assign({}, init, { body: concatChunks(init.body[BODY_CHUNKS], init.body.byteLength) as Uint8Array<ArrayBuffer> }) : init);
    }
    const signal = init.signal ?? undefined;
    const prepared = await prepareBody(init.body, toHeaderRecord(init.headers));
    let next: RedirectableRequest | undefined = { url, method: (init.method ?? 'GET').toUpperCase(), headers: prepared.headers, body: prepared.body };
    for (let redirects = 0; ; redirects++) {
      const current: RedirectableRequest = next;
      const target = intercept ? intercept({ url: current.url, headers: current.headers }) : current;
      const protocol = target.url.protocol as 'http:' | 'https:';
      const client = clients[protocol] ?? (await clientFor(protocol));
      const response = await send(client, target.url, current.method, target.headers, current.body as NodeRequestBody, signal);
      const status = response.statusCode!;
      next = nextRedirect(current, status, response.headers.location);
      if (next && redirects < MAX_REDIRECTS) {
        await drain(response);
        continue;
      }
      if (next) {
        drain(response).catch(() => {});
        throw new TypeError(`more than ${MAX_REDIRECTS} redirects`);
      }
      const responseInit = { status, statusText: response.statusMessage ?? '', headers: new NodeHeaders(response.headers), url: current.url.href, redirected: redirects > 0 };
      if (current.method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
        // Drained, not destroyed: the socket stays reusable.
        drain(response).catch(() => {});
        return new NodeResponse(undefined, responseInit) as unknown as Response;
      }
      const body = decodeBody(response, response.headers['content-encoding']);
      // Heard from the start: a body that fails before anyone reads it (the connection cut, an abort) would
      // otherwise throw from a decoder as an uncaught error. Its readers find the error on the stream
      // (node-body-stream.ts, failureBeforeRead).
      body.on('error', ignore);
      return new NodeResponse(body, responseInit) as unknown as Response;
    }
  };
  // sendRequest hands this transport a multipart form's chunks as they are (chunked-body.ts).
  return Object.assign(nodeHttpFetch, { [BODY_CHUNKS]: true as const });
}

/**
 * Sends one request and resolves with the response once its headers arrived.
 * The abort listener stays until the response is done: an abort mid-body
 * destroys the response with the signal's reason, as `fetch` errors its body.
 */
function send(client: NodeHttpClient, url: URL, method: string, headers: Record<string, string>, body: NodeRequestBody, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  return new Promise<IncomingMessage>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const whole = body === null || typeof body === 'string' || body instanceof Uint8Array;
    const inChunks = isChunkedBody(body);
    if (body instanceof Blob || inChunks) {
      const length = inChunks ? body.byteLength : body.size;
      if (!hasHeader(headers, 'content-length')) headers = Object.assign({}, headers, { 'content-length': String(length) });
    } else if (!whole && !hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding')) {
      // Chunked said outright: node:http chunks a body of unknown length only for methods it expects one on
      // (POST, PUT, PATCH), and would send a DELETE's chunks unframed.
      headers = Object.assign({}, headers, { 'transfer-encoding': 'chunked' });
    }
    let response: IncomingMessage | undefined;
    const onAbort = () => {
      const reason = signal!.reason;
      if (response) response.destroy(reason);
      request.destroy(reason);
      reject(reason);
    };
    const done = () => signal?.removeEventListener('abort', onAbort);
    const request = client.request(url, { method, headers, agent: client.agent }, (answer) => {
      response = answer;
      answer.once('close', done);
      resolve(answer);
    });
    request.once('error', (error) => {
      done();
      reject(error);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    if (whole) request.end(body ?? undefined);
    else if (inChunks) {
      // Already in memory: written as they are (the socket queues references, no copy), ended with the last.
      for (const chunk of body[BODY_CHUNKS]) request.write(chunk);
      request.end();
    } else writeStreamed(request, body instanceof Blob ? body.stream() : body);
  });
}

/** Streams a Blob's or an iterable's chunks into the request, waiting for `drain` whenever the socket is full. */
async function writeStreamed(request: ClientRequest, chunks: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<void> {
  try {
    for await (const chunk of chunks as AsyncIterable<Uint8Array>) {
      if (request.destroyed) return;
      if (!request.write(chunk)) await new Promise<void>((resolve) => request.once('drain', resolve).once('close', resolve));
    }
    request.end();
  } catch (error) {
    request.destroy(error as Error);
  }
}

/** Reads a response to its end so its connection can be reused. */
function drain(response: IncomingMessage): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    response.once('end', resolve).once('error', reject).resume();
  });
}

function ignore(): void {}
