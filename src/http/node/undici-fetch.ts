import type { Dispatcher } from 'undici';
import type { FetchFunction } from '../send-request.js';
import { decodeBody } from './decode-body.js';
import { NodeHeaders } from './node-headers.js';
import { NodeResponse } from './node-response.js';
import { MAX_REDIRECTS, nextRedirect, type RedirectableRequest } from './redirect.js';

/** undici's `request`, called with the dispatcher as `this` (the form its `lib/api` module exports). */
export type UndiciRequest = (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

/** Statuses whose response has no body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for the requests aigc makes, on undici's `request` API. Profiled
 * against Node's built-in `fetch` (which is undici's WHATWG layer on the same
 * engine), most of `fetch`'s ~1 ms per call goes to that layer — `Request`
 * and `Headers` objects, webidl conversions, the spec's body machinery — and
 * none of it is needed to send a JSON POST. This goes straight to the
 * dispatcher and answers with the `Response` API (NodeResponse, whose body
 * stays a Node stream until asked for), so everything downstream (error
 * mapping, capped reads, SSE parsing) is the code that runs on every other
 * runtime. Redirects are followed as `fetch` does (redirect.ts).
 *
 * It takes what `sendRequest` sends: a URL string or `URL`, and `init` with a
 * method, headers, a body and a signal. Anything else (a `Request` object,
 * `redirect: 'manual'`, credentials modes) goes to the global `fetch`.
 */
export function createUndiciFetch(request: UndiciRequest, dispatcher: Dispatcher): FetchFunction {
  return async function undiciFetch(input, init = {}) {
    if ((typeof input !== 'string' && !(input instanceof URL)) || (init.redirect !== undefined && init.redirect !== 'follow')) {
      return globalThis.fetch(input, init);
    }
    const prepared = await prepareBody(init.body, toHeaderRecord(init.headers));
    let next: RedirectableRequest | undefined = {
      url: typeof input === 'string' ? new URL(input) : input,
      method: (init.method ?? 'GET').toUpperCase(),
      headers: prepared.headers,
      body: prepared.body,
    };
    for (let redirects = 0; ; redirects++) {
      const current: RedirectableRequest = next;
      const response = await request.call(dispatcher, {
        origin: current.url.origin,
        path: `${current.url.pathname}${current.url.search}`,
        method: current.method as Dispatcher.HttpMethod,
        headers: current.headers,
        body: current.body as Dispatcher.DispatchOptions['body'],
        signal: init.signal ?? undefined,
      });
      const status = response.statusCode;
      next = nextRedirect(current, status, response.headers.location);
      if (next && redirects < MAX_REDIRECTS) {
        await response.body.dump();
        continue;
      }
      if (next) {
        response.body.dump().catch(() => {});
        throw new TypeError(`more than ${MAX_REDIRECTS} redirects`);
      }
      const responseInit = { status, statusText: response.statusText, headers: new NodeHeaders(response.headers), url: current.url.href, redirected: redirects > 0 };
      if (current.method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
        // Drained, not destroyed: the socket stays reusable and no 'error' event goes unheard.
        response.body.dump().catch(() => {});
        return new NodeResponse(undefined, responseInit) as unknown as Response;
      }
      return new NodeResponse(decodeBody(response.body, response.headers['content-encoding']), responseInit) as unknown as Response;
    }
  };
}

/** `init.headers` in any of its three shapes, as a plain record (later duplicates joined as `fetch` does). */
function toHeaderRecord(headers: HeadersInit | undefined): Record<string, string> {
  if (headers === undefined) return {};
  // Plain records first, without touching the global `Headers` (see NodeHeaders for why).
  const prototype = Object.getPrototypeOf(headers);
  if (prototype === Object.prototype || prototype === null) return headers as Record<string, string>;
  const record: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (const [key, value] of headers) {
      const name = key!.toLowerCase();
      record[name] = record[name] === undefined ? value! : `${record[name]}, ${value}`;
    }
  } else {
    (headers as Headers).forEach((value, key) => {
      record[key] = value;
    });
  }
  return record;
}

type UndiciBody = string | Uint8Array | Blob | AsyncIterable<Uint8Array> | null;

/**
 * The body in a form undici sends, with the content type `fetch` would have
 * added for it. Strings, bytes and Blobs go as they are. A FormData is
 * encoded by the platform's own `Response` first: undici 7 only recognises
 * its own FormData class, not the one Node's global `fetch` (undici 6 in
 * Node 20) defines, and bytes carry the content-length some servers need.
 */
async function prepareBody(body: BodyInit | null | undefined, headers: Record<string, string>): Promise<{ body: UndiciBody; headers: Record<string, string> }> {
  if (body === undefined || body === null) return { body: null, headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  const withType = (type: string) => (hasType ? headers : { ...headers, 'content-type': type });
  if (typeof body === 'string') return { body, headers: withType('text/plain;charset=UTF-8') };
  if (body instanceof Uint8Array) return { body, headers };
  if (body instanceof ArrayBuffer) return { body: new Uint8Array(body), headers };
  if (ArrayBuffer.isView(body)) return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), headers };
  if (body instanceof URLSearchParams) return { body: body.toString(), headers: withType('application/x-www-form-urlencoded;charset=UTF-8') };
  // Tested by tag, so a JSON request never touches the global `FormData` (see NodeHeaders for why).
  if (Object.prototype.toString.call(body) === '[object FormData]') {
    const encoded = new Response(body as FormData);
    return { body: new Uint8Array(await encoded.arrayBuffer()), headers: withType(encoded.headers.get('content-type')!) };
  }
  if (body instanceof Blob) return { body, headers: body.type ? withType(body.type) : headers };
  // A web ReadableStream: async-iterable on Node, which undici streams as it is.
  return { body: body as unknown as AsyncIterable<Uint8Array>, headers };
}
