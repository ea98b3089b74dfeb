import type { Readable } from 'node:stream';
import { BYTE_CHUNKS, type ByteChunkSource } from '../../stream/read-parts.js';

/** Past this many queued bytes the Node stream is paused (and the socket with it) until the reader catches up. */
const QUEUE_LIMIT = 64 * 1024;

/**
 * The error a body failed with before anything read from it, or undefined
 * while it can still be read. `IncomingMessage` emits `error` only to
 * listeners it has at that moment, and a destroyed stream emits nothing more,
 * so a reader that arrives after the connection was cut (or the request
 * aborted) would wait forever; the stream's own state still has the error.
 */
export function failureBeforeRead(body: Readable): { error: unknown } | undefined {
  if (body.errored) return { error: body.errored };
  // Destroyed without an error and not at its end: cut short all the same.
  if (body.destroyed && !body.readableEnded) return { error: Object.assign(new Error('aborted'), { code: 'ECONNRESET' }) };
  return undefined;
}

/**
 * A Node response body as a web `ReadableStream`, with backpressure both ways:
 * the Node stream is paused while 64 KiB wait unread (the socket then stops
 * being read), and cancelling the web stream destroys the body, which closes
 * the connection mid-response. The stream also carries its source under
 * {@link BYTE_CHUNKS}, which our SSE parser reads directly.
 *
 * Hand-rolled rather than `Readable.toWeb`: that adapter sizes its queue with
 * a per-chunk size function and a 16 KiB high-water mark of its own, on top
 * of the Node stream's buffer.
 */
export function nodeBodyToWebStream(body: Readable): ReadableStream<Uint8Array<ArrayBuffer>> {
  const source = new NodeBodySource(body);
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>(source, { highWaterMark: 0 });
  (stream as ReadableStream<Uint8Array<ArrayBuffer>> & { [BYTE_CHUNKS]: ByteChunkSource })[BYTE_CHUNKS] = source;
  return stream;
}

/** Queues a Node stream's chunks for whichever reads them: the web stream's `pull` or the parser's {@link BYTE_CHUNKS} lane. */
class NodeBodySource implements UnderlyingDefaultSource<Uint8Array<ArrayBuffer>>, ByteChunkSource {
  private queue: Array<Uint8Array<ArrayBuffer>> = [];
  private queuedBytes = 0;
  private ended = false;
  private failure: { error: unknown } | undefined = undefined;
  private settled = false;
  private wake: (() => void) | undefined = undefined;

  constructor(private readonly body: Readable) {
    this.failure = failureBeforeRead(body);
    this.settled = this.failure !== undefined;
    body.on('data', (chunk: Uint8Array) => this.onData(chunk));
    body.once('end', () => this.onEnd());
    // Stays attached after a cancel, so an error raised while the body is torn down is not unhandled.
    body.on('error', (error) => this.onError(error));
  }

  async pull(controller: ReadableStreamDefaultController<Uint8Array<ArrayBuffer>>): Promise<void> {
    const chunk = await this.readChunk();
    if (chunk) controller.enqueue(chunk);
    else controller.close();
  }

  cancel(): void {
    // A read waiting on the lane ends, as a reader's pending read does when its stream is cancelled.
    this.settled = this.ended = true;
    this.queue = [];
    this.queuedBytes = 0;
    this.body.destroy();
    this.notify();
  }

  readChunk(): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const chunk = this.take();
    if (chunk || this.ended || this.failure) return chunk ? Promise.resolve(chunk) : this.finished();
    return new Promise<void>((resolve) => (this.wake = resolve)).then(() => this.readChunk());
  }

  private take(): Uint8Array<ArrayBuffer> | undefined {
    if (this.queue.length === 0) return undefined;
    const chunk = this.queue.shift()!;
    this.queuedBytes -= chunk.byteLength;
    if (this.queuedBytes < QUEUE_LIMIT && this.body.isPaused()) this.body.resume();
    return chunk;
  }

  private finished(): Promise<undefined> {
    return this.failure ? Promise.reject(this.failure.error) : Promise.resolve(undefined);
  }

  private onData(chunk: Uint8Array): void {
    if (this.settled) return;
    // A view, not a copy: readers get the plain Uint8Array that fetch hands out, never a Buffer.
    this.queue.push(new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength));
    this.queuedBytes += chunk.byteLength;
    if (this.queuedBytes >= QUEUE_LIMIT) this.body.pause();
    this.notify();
  }

  private onEnd(): void {
    if (this.settled) return;
    this.settled = this.ended = true;
    this.notify();
  }

  private onError(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.failure = { error };
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
