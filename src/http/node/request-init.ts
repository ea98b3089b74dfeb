import { isChunkedBody, type ChunkedBody } from '../chunked-body.js';

/** A request body in a form `node:http` writes: text, bytes, a Blob, chunks in memory (a multipart form's), or chunks to stream. */
export type NodeRequestBody = string | Uint8Array | Blob | ChunkedBody | AsyncIterable<Uint8Array> | null;

/** `init.headers` in any of its three shapes, as a plain record (later duplicates joined as `fetch` does). */
export function toHeaderRecord(headers: HeadersInit | undefined): Record<string, string> {
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

/**
 * The body in a form the transport sends, with the content type `fetch` would
 * have added for it. Strings, bytes and Blobs go as they are. A FormData is
 * encoded by the platform's own `Response` first (the one multipart encoder
 * every runtime has), and as bytes it carries the content-length some
 * servers need.
 */
export async function prepareBody(body: BodyInit | null | undefined, headers: Record<string, string>): Promise<{ body: NodeRequestBody; headers: Record<string, string> }> {
  if (body === undefined || body === null) return { body: null, headers };
  const hasType = hasHeader(headers, 'content-type');
  const withType = (type: string) => (hasType ? headers : Object.assign({}, headers, { 'content-type': type }));
  if (typeof body === 'string') return { body, headers: withType('text/plain;charset=UTF-8') };
  if (body instanceof Uint8Array) return { body, headers };
  if (isChunkedBody(body)) return { body, headers };
  if (body instanceof ArrayBuffer) return { body: new Uint8Array(body), headers };
  if (ArrayBuffer.isView(body)) return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), headers };
  if (body instanceof URLSearchParams) return { body: body.toString(), headers: withType('application/x-www-form-urlencoded;charset=UTF-8') };
  // Tested by tag, so a JSON request never touches the global `FormData` (see NodeHeaders for why).
  if (Object.prototype.toString.call(body) === '[object FormData]') {
    const encoded = new Response(body as FormData);
    return { body: new Uint8Array(await encoded.arrayBuffer()), headers: withType(encoded.headers.get('content-type')!) };
  }
  if (body instanceof Blob) return { body, headers: body.type ? withType(body.type) : headers };
  // A web ReadableStream: async-iterable on Node.
  return { body: body as unknown as AsyncIterable<Uint8Array>, headers };
}

/** Whether `headers` has `name` (lower case) in any letter case. */
export function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
