import { describe, expect, it } from 'vitest';
import { createAsyncIterableStream } from '../../src/stream/async-iterable-stream.js';

/** A source like streamText's pump: hands out `items`, then undefined; counts calls and cancels. */
function pump(items: Array<string | Error>) {
  const state = { calls: 0, cancelled: [] as unknown[] };
  let index = 0;
  const next = async (): Promise<string | undefined> => {
    state.calls++;
    await Promise.resolve();
    const item = items[index++];
    if (item instanceof Error) throw item;
    return item;
  };
  const stream = new ReadableStream<string>(
    {
      async pull(controller) {
        try {
          const value = await next();
          if (value === undefined) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      cancel: (reason) => void state.cancelled.push(reason),
    },
    { highWaterMark: 0 },
  );
  return { state, stream: createAsyncIterableStream(stream, next) };
}

describe('createAsyncIterableStream with a direct source', () => {
  it('iterates the source directly and locks the stream meanwhile', async () => {
    const { state, stream } = pump(['a', 'b']);
    const seen: string[] = [];
    for await (const value of stream) {
      seen.push(value);
      expect(stream.locked).toBe(true);
    }
    expect(seen).toEqual(['a', 'b']);
    expect(state.calls).toBe(3);
    expect(stream.locked).toBe(false);
  });

  it('reads the same items through a reader', async () => {
    const { stream } = pump(['a', 'b']);
    const reader = stream.getReader();
    expect(await reader.read()).toEqual({ done: false, value: 'a' });
    expect(await reader.read()).toEqual({ done: false, value: 'b' });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it('cancels the stream when the loop breaks', async () => {
    const { state, stream } = pump(['a', 'b', 'c']);
    for await (const value of stream) if (value === 'a') break;
    expect(state.cancelled).toEqual([undefined]);
    expect(state.calls).toBe(1);
  });

  it('serves next() calls made before the previous one settled in order', async () => {
    const { stream } = pump(['a', 'b']);
    const iterator = stream[Symbol.asyncIterator]();
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results).toEqual([
      { done: false, value: 'a' },
      { done: false, value: 'b' },
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
  });

  it('answers synchronously available items at once and keeps call order across awaited ones', async () => {
    // Like streamText's pump: queued items come back synchronously, a refill is awaited.
    const items = ['a', 'b', 'c', 'd', 'e'];
    let index = 0;
    let calls = 0;
    const next = (): string | undefined | Promise<string | undefined> => {
      calls++;
      const item = items[index++];
      return index % 2 === 0 ? new Promise((resolve) => setTimeout(() => resolve(item), 5)) : item;
    };
    const stream = createAsyncIterableStream(new ReadableStream<string>({}, { highWaterMark: 0 }), next);
    const iterator = stream[Symbol.asyncIterator]();
    // A synchronous item settles before any timer: the first call costs no turn of the event loop.
    let first: IteratorResult<string> | undefined;
    void iterator.next().then((result) => (first = result));
    await Promise.resolve();
    await Promise.resolve();
    expect(first).toEqual({ done: false, value: 'a' });
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
    expect(results.map((result) => (result.done ? 'done' : result.value))).toEqual(['b', 'c', 'd', 'e', 'done', 'done']);
    // The source was asked once per item, in turn, and not again after it ended.
    expect(calls).toBe(6);
    expect(stream.locked).toBe(false);
  });

  it('throws the source error and ends the iteration', async () => {
    const failure = new Error('boom');
    const { stream } = pump(['a', failure]);
    const iterator = stream[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: 'a' });
    await expect(iterator.next()).rejects.toBe(failure);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('refuses a second consumer while iterating', async () => {
    const { stream } = pump(['a']);
    const iterator = stream[Symbol.asyncIterator]();
    expect(() => stream.getReader()).toThrow(TypeError);
    await iterator.return?.();
  });
});
