/**
 * The batch lane between our SSE parser and `streamText`. A stream that has
 * this key hands over every part it has parsed so far in one call: an
 * array, `undefined` once it ended, a rejection when it failed. It stays a
 * standard `ReadableStream` for everyone else.
 *
 * Profiled over the referee's 20k-chunk stream: one `reader.read()` per part
 * (a promise, a result object and a queue record each) was, after
 * `JSON.parse`, the largest cost left per chunk, and the allocation churn
 * showed up in peak RSS. A network read carries dozens of events, so a batch
 * per read removes nearly all of it.
 */
export const PART_BATCHES: unique symbol = Symbol.for('aigc.partBatches');

/**
 * The reader a stream keyed with {@link PART_BATCHES} holds. Callers keep
 * this object, not the stream: on Node 20 every web stream has a hidden class
 * of its own, so reading a property of the stream per batch deoptimised the
 * caller once per stream (`--trace-deopt`, referee stream scenario).
 */
export interface PartBatchReader<T> {
  /** Every part parsed so far (at least one), or undefined at the end; rejects when the stream failed. */
  readParts(): Promise<T[] | undefined>;
}

/** The batch lane of `stream`, or undefined when it has none. */
export function partBatchesOf<T>(stream: ReadableStream<T>): PartBatchReader<T> | undefined {
  return (stream as ReadableStream<T> & { [PART_BATCHES]?: PartBatchReader<T> })[PART_BATCHES];
}

/**
 * The byte lane between a transport and our SSE parser: a response body
 * stream that carries this key holds a source whose `readChunk` hands over
 * the next network chunk directly, without the stream's reader. The Node
 * transport sets it (node-body-stream.ts): on Node 20 every web stream has a
 * hidden class of its own, so reading through its reader deoptimised the
 * parser once per stream, and the stream's internals are JIT-compiled anew in
 * every process. The parser still takes the stream's lock.
 */
export const BYTE_CHUNKS: unique symbol = Symbol.for('aigc.byteChunks');

/** What a stream keyed with {@link BYTE_CHUNKS} holds. */
export interface ByteChunkSource {
  /** The next chunk, or undefined at the end; rejects with the body's error. */
  readChunk(): Promise<Uint8Array | undefined>;
  /** Stops the body (a cancel). */
  cancel(reason?: unknown): void;
}
