import { describe, expect, it } from 'vitest';
import { parseSseStream } from '../../src/stream/parse-sse-stream.js';

const KEY = 'sk-secret-key-456';

/** A body that arrives in exactly these network chunks. */
function chunked(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(encoder.encode(chunks[next++]));
      else controller.close();
    },
  });
}

async function events(chunks: string[], secrets = [`Bearer ${KEY}`, KEY]): Promise<string[]> {
  const handler = { onEvent: (event: { data: string }, controller: TransformStreamDefaultController<string>) => controller.enqueue(event.data) };
  const reader = parseSseStream(chunked(chunks), handler, { provider: 'test.chat', secrets }).getReader();
  const seen: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return seen;
    seen.push(value);
  }
}

// The ways a secret can reach an event without lying whole inside the network chunk that completes it.
// Searching each chunk once instead of each event was tried (docs/performance.md): these cases are
// what such a search has to get right, and what any change to the scrubbing must keep.
describe('parseSseStream secret scrubbing across network chunks', () => {
  it('scrubs a secret split between two chunks', async () => {
    expect(await events(['data: {"e":"bad key sk-secr', 'et-key-456"}\n\ndata: {"ok":1}\n\n'])).toEqual(['{"e":"bad key ***"}', '{"ok":1}']);
  });

  it('scrubs a secret held by an earlier chunk of an event that ends in a clean one', async () => {
    expect(await events(['data: {"ok":0}\n\ndata: {"e":"', `${KEY}`, ' and more', '"}\n\n'])).toEqual(['{"ok":0}', '{"e":"*** and more"}']);
  });

  it('scrubs a secret fed one character at a time', async () => {
    const text = `data: {"e":"Bearer ${KEY}"}\n\ndata: {"ok":2}\n\n`;
    expect(await events([...text])).toEqual(['{"e":"***"}', '{"ok":2}']);
  });

  it('leaves the events around a secret untouched, in the same chunk and the next', async () => {
    const chunks = [`data: {"a":1}\n\ndata: {"e":"${KEY}"}\n\ndata: {"b":2}\n\ndata: {"c":`, '3}\n\ndata: {"d":4}\n\n'];
    expect(await events(chunks)).toEqual(['{"a":1}', '{"e":"***"}', '{"b":2}', '{"c":3}', '{"d":4}']);
  });

  it('scrubs every secret of a multi-line event whose lines arrive in separate chunks', async () => {
    expect(await events(['data: first line\n', `data: then ${KEY}\n`, 'data: last\n\n'])).toEqual(['first line\nthen ***\nlast']);
  });
});
