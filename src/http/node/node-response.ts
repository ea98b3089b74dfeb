import type { Readable } from 'node:stream';
import { concatChunks, decodeUtf8, READ_BODY_CAPPED, readStreamCapped, ResponseTooLargeError, type DirectBodyResponse } from '../read-body.js';
import { NodeHeaders } from './node-headers.js';
import { failureBeforeRead, nodeBodyToWebStream } from './node-body-stream.js';

/**
 * What the `node:http` transport (node-http-fetch.ts) returns: the
 * `Response` API that aigc's HTTP code and providers use (status, ok,
 * headers, body, bodyUsed and the body readers), built without the global
 * `Response` class.
 *
 * Why not a `Response`: measured on Node 20 over the referee mock, (1)
 * touching the global `Response` or `Headers` loads Node's bundled undici,
 * ~40 ms and ~9 MB of RSS in every process; (2) `new Response(webStream)`
 * plus reading JSON through it cost ~60 µs of CPU per call, most of the
 * transport's own overhead, a web `ReadableStream` alone ~12 µs to construct.
 * So the body stays a Node stream until someone asks for `body`; whole-body
 * reads (`text()`, `json()`, the capped reader behind `readJson`) collect its
 * chunks directly; streaming consumers (SSE, speech) get a web stream.
 * `instanceof Response` is false; nothing in aigc relies on it.
 */
export class NodeResponse implements DirectBodyResponse {
  /** The status code. */
  readonly status: number;
  /** The reason phrase. */
  readonly statusText: string;
  /** The response headers (read-only). */
  readonly headers: NodeHeaders;
  /** The URL last requested (after redirects). */
  readonly url: string;
  /** Whether a redirect was followed. */
  readonly redirected: boolean;
  /** Always `basic`, as for a same-origin `fetch` on a server. */
  readonly type = 'basic' as const;
  readonly #source: Readable | undefined;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;
  #read = false;

  /** Wraps `source` (undefined for a response without a body). */
  constructor(source: Readable | undefined, init: { status: number; statusText: string; headers: NodeHeaders; url: string; redirected: boolean }) {
    this.#source = source;
    this.#stream = source ? undefined : null;
    this.status = init.status;
    this.statusText = init.statusText;
    this.headers = init.headers;
    this.url = init.url;
    this.redirected = init.redirected;
  }

  /** True for a 2xx status. */
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** The body as a web stream, created on first access; null when there is none. */
  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#stream === undefined) this.#stream = nodeBodyToWebStream(this.#source!);
    return this.#stream;
  }

  /** True once the body was read or its stream locked. */
  get bodyUsed(): boolean {
    return this.#read || (this.#stream?.locked ?? false);
  }

  /** The whole body, straight from the Node stream; past `maxBytes` the socket is closed. */
  async [READ_BODY_CAPPED](maxBytes: number): Promise<Uint8Array> {
    if (this.#stream) return readStreamCapped(this.#stream, maxBytes);
    if (this.#read) throw new TypeError('Body is unusable: Body has already been read');
    this.#read = true;
    const source = this.#source;
    if (!source) return new Uint8Array(0);
    const failed = failureBeforeRead(source);
    if (failed) throw failed.error;
    if (Number(this.headers.get('content-length')) > maxBytes) {
      source.on('error', () => {}).destroy();
      throw new ResponseTooLargeError(maxBytes);
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let total = 0;
      source.on('data', (chunk: Uint8Array) => {
        total += chunk.byteLength;
        if (total > maxBytes) {
          reject(new ResponseTooLargeError(maxBytes));
          source.destroy();
          return;
        }
        chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      source.once('end', () => resolve(concatChunks(chunks, total)));
      source.on('error', reject);
    });
  }

  /** The whole body as bytes, in its own buffer. */
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = await this[READ_BODY_CAPPED](Infinity);
    return (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()) as Uint8Array<ArrayBuffer>;
  }

  /** The whole body in its own `ArrayBuffer`. */
  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  /** The whole body decoded as UTF-8. */
  async text(): Promise<string> {
    return decodeUtf8(await this[READ_BODY_CAPPED](Infinity));
  }

  /** The whole body parsed as JSON. */
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  /** The whole body as a Blob typed by `content-type`. */
  async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' });
  }

  /** The body parsed as form data, by the platform's own parser (which loads the global `Response`). */
  async formData(): Promise<FormData> {
    return new Response(await this.bytes(), { headers: [...this.headers] }).formData();
  }

  /** A copy whose body is a branch of this one's (`tee`). */
  clone(): NodeResponse {
    const body = this.body;
    const init = { status: this.status, statusText: this.statusText, headers: this.headers, url: this.url, redirected: this.redirected };
    if (!body) return new NodeResponse(undefined, init);
    const [mine, theirs] = body.tee();
    this.#stream = mine;
    const copy = new NodeResponse(undefined, init);
    copy.#stream = theirs;
    return copy;
  }
}
