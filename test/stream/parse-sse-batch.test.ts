import { describe, expect, it } from 'vitest';
import { parseSseStream } from '../../src/stream/parse-sse-stream.js';
import { partBatchesOf } from '../../src/stream/read-parts.js';

const encoder = new TextEncoder();

/** A body that delivers each string as one network chunk. */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(encoder.encode(chunks[index++]));
      else controller.close();
    },
  });
}

const handler = {
  onEvent(event: { data: string }, controller: TransformStreamDefaultController<string>) {
    if (event.data === 'boom') throw new Error('bad event');
    controller.enqueue(event.data);
  },
  onEnd(controller: TransformStreamDefaultController<string>) {
    controller.enqueue('end');
  },
};

describe('parseSseStream batch lane', () => {
  it('hands over every part of a network chunk at once, then undefined', async () => {
    const stream = parseSseStream(body(['data: a\n\ndata: b\n\ndata: c\n\n', 'data: d\n\n']), handler, { provider: 'test' });
    expect(partBatchesOf(stream)).toBeDefined();
    expect(partBatchesOf(new ReadableStream())).toBeUndefined();
    const read = () => partBatchesOf(stream)!.readParts();
    expect(await read()).toEqual(['a', 'b', 'c']);
    expect(await read()).toEqual(['d']);
    expect(await read()).toEqual(['end']);
    expect(await read()).toBeUndefined();
  });

  it('delivers each stream its own events when several are parsed in turn (the parsers share one callback)', async () => {
    const first = partBatchesOf(parseSseStream(body(['data: a1\n\ndata: a2\n\n', 'data: a3\n\n']), handler, { provider: 'test' }))!;
    const second = partBatchesOf(parseSseStream(body(['data: b1\n\n', 'data: b2\n\ndata: b3\n\n']), handler, { provider: 'test' }))!;
    expect(await second.readParts()).toEqual(['b1']);
    expect(await first.readParts()).toEqual(['a1', 'a2']);
    expect(await second.readParts()).toEqual(['b2', 'b3']);
    expect(await first.readParts()).toEqual(['a3']);
    expect(await first.readParts()).toEqual(['end']);
    expect(await second.readParts()).toEqual(['end']);
  });

  it('gives a reader the same parts one by one', async () => {
    const reader = parseSseStream(body(['data: a\n\ndata: b\n\n', 'data: c\n\n']), handler, { provider: 'test' }).getReader();
    const parts: string[] = [];
    for (let result = await reader.read(); !result.done; result = await reader.read()) parts.push(result.value);
    expect(parts).toEqual(['a', 'b', 'c', 'end']);
  });

  it('drops the unread parts of a chunk whose handler threw, as a TransformStream would', async () => {
    const stream = parseSseStream(body(['data: a\n\ndata: boom\n\n']), handler, { provider: 'test' });
    await expect(partBatchesOf(stream)!.readParts()).rejects.toThrow('bad event');
    await expect(partBatchesOf(stream)!.readParts()).rejects.toThrow('bad event');
  });

  it('stops after a cancel without running onEnd', async () => {
    const stream = parseSseStream(body(['data: a\n\n', 'data: b\n\n']), handler, { provider: 'test' });
    const reader = stream.getReader();
    expect(await reader.read()).toEqual({ done: false, value: 'a' });
    await reader.cancel();
    expect(await partBatchesOf(stream)!.readParts()).toBeUndefined();
  });
});
