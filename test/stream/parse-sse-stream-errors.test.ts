import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/index.js';
import { detectionNeedles } from '../../src/http/redact.js';
import { parseSseStream } from '../../src/stream/parse-sse-stream.js';

function brokenBody(prefix: string, error: unknown): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(error);
      sent = true;
      controller.enqueue(new TextEncoder().encode(prefix));
    },
  });
}

async function readAll(stream: ReadableStream<string>): Promise<{ events: string[]; error?: unknown }> {
  const reader = stream.getReader();
  const events: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { events };
      events.push(value);
    }
  } catch (error) {
    return { events, error };
  }
}

const handler = { onEvent: (event: { data: string }, controller: TransformStreamDefaultController<string>) => controller.enqueue(event.data) };

describe('parseSseStream', () => {
  // Regression (issue 11 fault matrix): a reset mid-stream surfaced as the runtime's untyped TypeError.
  it('turns a body that breaks mid-stream into a NetworkError after the events that arrived', async () => {
    const stream = parseSseStream(brokenBody('data: one\n\n', new TypeError('terminated')), handler, {
      provider: 'test.chat',
      url: 'https://api.test/v1/chat',
      method: 'POST',
    });
    const { events, error } = await readAll(stream);
    expect(events).toEqual(['one']);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).url).toBe('https://api.test/v1/chat');
    expect((error as NetworkError).message).toBe('POST https://api.test/v1/chat failed while reading the response stream: terminated');
  });

  it('passes an abort or timeout through untouched', async () => {
    const timeout = new DOMException('timed out', 'TimeoutError');
    const { error } = await readAll(parseSseStream(brokenBody('data: one\n\n', timeout), handler, { provider: 'test.chat' }));
    expect(error).toBe(timeout);
  });

  it('cancels the body when the reader cancels', async () => {
    let cancelled: unknown;
    const body = new ReadableStream<Uint8Array>({ pull() {}, cancel: (reason) => void (cancelled = reason) });
    const reader = parseSseStream(body, handler, { provider: 'test.chat' }).getReader();
    await reader.cancel('stop');
    // The pipe carries the cancel to the body on a later turn.
    await expect.poll(() => cancelled).toBe('stop');
  });

  // Regression (issue 11 secret hygiene): an error frame quoting the request kept the key in the error.
  it('scrubs the given secrets from every event', async () => {
    const body = new Response('data: {"error":"bad key sk-secret-key-456"}\n\n').body!;
    const { events } = await readAll(parseSseStream(body, handler, { provider: 'test.chat', secrets: ['sk-secret-key-456'] }));
    expect(events).toEqual(['{"error":"bad key ***"}']);
  });

  it('scrubs a header secret and the key inside it, searching each event once for the key', async () => {
    expect(detectionNeedles(['Bearer sk-secret-key-456', 'sk-secret-key-456', 'token-999999'])).toEqual(['sk-secret-key-456', 'token-999999']);
    const body = new Response('data: {"a":"Bearer sk-secret-key-456"}\n\ndata: {"b":"sk-secret-key-456"}\n\ndata: {"c":"token-999999"}\n\ndata: {"d":"clean"}\n\n').body!;
    const secrets = ['Bearer sk-secret-key-456', 'sk-secret-key-456', 'token-999999'];
    const { events } = await readAll(parseSseStream(body, handler, { provider: 'test.chat', secrets }));
    expect(events).toEqual(['{"a":"***"}', '{"b":"***"}', '{"c":"***"}', '{"d":"clean"}']);
  });
});
