import type { Readable } from 'node:stream';
import { concatChunks, READ_BODY_CAPPED, readStreamCapped, ResponseTooLargeError, type DirectBodyResponse } from '../read-body.js';
import { nodeBodyToWebStream } from './node-body-stream.js';

/**
 * A standard `Response` (it is one: `instanceof`, status, headers) whose body
 * stays a Node stream until someone asks for `body`. Measured on Node 20 over
 * the referee mock, wrapping every answer in `new Response(webStream)` cost
 * ~60 µs of CPU per call, most of the transport's own overhead: constructing
 * a web `ReadableStream` alone takes ~12 µs (its transferable setup), and
 * reading JSON through it adds a promise per chunk. Whole-body reads
 * (`text()`, `json()`, the capped reader behind `readJson`) now collect the
 * Node chunks directly; streaming consumers (SSE, speech) get the web stream.
 */
export class NodeBodyResponse extends Response implements DirectBodyResponse {
  readonly #source: Readable;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #read = false;

  /** Wraps `source`, the response body; `init` carries status and headers. */
  constructor(source: Readable, init: ResponseInit) {
    super(null, init);
    this.#source = source;
  }

  /** The body as a web stream, created on first access. */
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return (this.#stream ??= nodeBodyToWebStream(this.#source));
  }

  /** True once the body was read or its stream locked. */
  override get bodyUsed(): boolean {
    return this.#read || (this.#stream?.locked ?? false);
  }

  /** The whole body, straight from the Node stream; past `maxBytes` the socket is closed. */
  async [READ_BODY_CAPPED](maxBytes: number): Promise<Uint8Array> {
    if (this.#stream) return readStreamCapped(this.#stream, maxBytes);
    if (this.#read) throw new TypeError('Body is unusable: Body has already been read');
    this.#read = true;
    const source = this.#source;
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

  /** The whole body as bytes. */
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = await this[READ_BODY_CAPPED](Infinity);
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : (bytes.slice() as Uint8Array<ArrayBuffer>);
  }

  /** The whole body in its own `ArrayBuffer`. */
  override async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  /** The whole body decoded as UTF-8. */
  override async text(): Promise<string> {
    return new TextDecoder().decode(await this[READ_BODY_CAPPED](Infinity));
  }

  /** The whole body parsed as JSON. */
  override async json(): Promise<any> {
    return JSON.parse(await this.text());
  }

  /** The whole body as a Blob typed by `content-type`. */
  override async blob(): Promise<Blob> {
    return new Blob([await this.bytes()], { type: this.headers.get('content-type') ?? '' });
  }

  /** The body parsed as form data, by the platform's own parser. */
  override async formData(): Promise<FormData> {
    return new Response(await this.bytes(), { headers: this.headers }).formData();
  }

  /** A copy whose body is a branch of this one's (`tee`). */
  override clone(): Response {
    const [mine, theirs] = this.body.tee();
    this.#stream = mine;
    return new Response(theirs, { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}
