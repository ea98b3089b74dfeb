/**
 * A `ReadableStream` that is also `AsyncIterable`, on every runtime (Safari's
 * streams lack `Symbol.asyncIterator`). Leaving a `for await` early cancels
 * the stream, which aborts the HTTP request behind it.
 */
export type AsyncIterableStream<T> = AsyncIterable<T> & ReadableStream<T>;

/** Adds async iteration with cancel-on-break to `stream`, in place. */
export function createAsyncIterableStream<T>(stream: ReadableStream<T>): AsyncIterableStream<T> {
  const iterable = stream as AsyncIterableStream<T>;
  iterable[Symbol.asyncIterator] = function (this: ReadableStream<T>): AsyncIterator<T> {
    const reader = this.getReader();
    let finished = false;
    return {
      async next() {
        const result = await reader.read();
        if (result.done) {
          finished = true;
          reader.releaseLock();
        }
        return result as IteratorResult<T>;
      },
      async return() {
        if (!finished) {
          finished = true;
          await reader.cancel();
          reader.releaseLock();
        }
        return { done: true, value: undefined };
      },
    };
  };
  return iterable;
}
