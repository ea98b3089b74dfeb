import { randomBytes } from 'node:crypto';
// Named imports, as load-node-fetch.ts takes them: msw replaces `request` on the module object, not the named
// export, so these requests reach the test server.
import { Agent, request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadNodeFetch } from '../../src/http/node/load-node-fetch.js';
import { nodeBodyToWebStream } from '../../src/http/node/node-body-stream.js';
import { createNodeHttpFetch } from '../../src/http/node/node-http-fetch.js';
import { acceptsChunkedBodies, BODY_CHUNKS } from '../../src/http/chunked-body.js';
import { MultipartForm } from '../../src/http/multipart-form.js';
import { sendRequest, type FetchFunction } from '../../src/http/send-request.js';
import { parseSseStream } from '../../src/stream/parse-sse-stream.js';
import { BYTE_CHUNKS, PART_BATCHES, type ByteChunkSource } from '../../src/stream/read-parts.js';
import { startTestServer, type TestServer } from './test-server.js';

// Request and response bodies of the node:http transport against a real node:http server on 127.0.0.1.
let server: TestServer;
let fetch: FetchFunction;

beforeAll(async () => {
  server = await startTestServer();
  fetch = await loadNodeFetch();
});

afterAll(() => server.close());

afterEach(() => {
  vi.restoreAllMocks();
});

/** Resolves after `ms`. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settles with the outcome of `promise`, or with `'pending'` if it has not settled within `ms`. */
function within(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise.then((value) => ({ value }), (error: unknown) => ({ error })), sleep(ms).then(() => 'pending')]);
}

/** An async iterable that yields `parts`, one per timer tick, so each is its own write. */
async function* slowly(parts: Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const part of parts) {
    await sleep(1);
    yield part;
  }
}

/** Slices `bytes` into `count` pieces. */
function pieces(bytes: Uint8Array, count: number): Uint8Array[] {
  const size = Math.ceil(bytes.length / count);
  return Array.from({ length: count }, (_, index) => bytes.subarray(index * size, (index + 1) * size));
}

const echo = () => server.handle((request, response) => void response.writeHead(200).end(`${request.method} ${request.body.length}`));

describe('request bodies over node:http', () => {
  it('streams a Blob with its content-length and type, the bytes intact', async () => {
    echo();
    const bytes = randomBytes(1024 * 1024 + 7);
    expect(await (await fetch(server.url, { method: 'PUT', body: new Blob([bytes], { type: 'audio/wav' }) })).text()).toBe(`PUT ${bytes.length}`);
    const seen = server.requests.at(-1)!;
    expect(seen.headers['content-length']).toBe(String(bytes.length));
    expect(seen.headers['transfer-encoding']).toBeUndefined();
    expect(seen.headers['content-type']).toBe('audio/wav');
    expect(seen.body.equals(bytes)).toBe(true);
  });

  it('writes a multipart form through sendRequest as its chunks, uncopied, with a content-length, and replays them on a 307', async () => {
    const audio = new Uint8Array(randomBytes(2 * 1024 * 1024 + 3));
    const form = new MultipartForm();
    form.append('model', 'whisper-1');
    form.append('file', audio, { filename: 'a.mp3', type: 'audio/mpeg' });
    const chunks = vi.spyOn(form, 'chunks');
    const encode = vi.spyOn(form, 'encode');
    server.handle((request, response) => {
      if (request.url === '/old') return void response.writeHead(307, { location: '/new' }).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    expect(acceptsChunkedBodies(fetch)).toBe(true);
    await sendRequest({ provider: 'test', url: `${server.url}/old`, headers: { authorization: 'Bearer sk-0123456789abcdef' }, body: form, fetch });
    expect(chunks).toHaveBeenCalledTimes(1);
    expect(encode).not.toHaveBeenCalled();
    // The audio went out as the caller's own array, not a copy.
    expect(chunks.mock.results[0]!.value[BODY_CHUNKS]).toContain(audio);
    const [first, second] = server.requests.slice(-2);
    for (const seen of [first!, second!]) {
      expect(seen.headers['content-type']).toBe(form.contentType);
      expect(seen.headers['content-length']).toBe(String(seen.body.length));
      expect(seen.headers['transfer-encoding']).toBeUndefined();
      const parsed = await new Response(new Uint8Array(seen.body), { headers: { 'content-type': form.contentType } }).formData();
      expect(parsed.get('model')).toBe('whisper-1');
      expect(Buffer.from(await (parsed.get('file') as File).arrayBuffer()).equals(Buffer.from(audio))).toBe(true);
    }
    expect(second!.url).toBe('/new');
  });

  it('sends an async-iterable body chunked, the bytes intact', async () => {
    echo();
    const bytes = randomBytes(300_000);
    await fetch(server.url, { method: 'POST', body: slowly(pieces(bytes, 5)) as unknown as BodyInit });
    const seen = server.requests.at(-1)!;
    expect(seen.headers['transfer-encoding']).toBe('chunked');
    expect(seen.headers['content-length']).toBeUndefined();
    expect(seen.body.equals(bytes)).toBe(true);
  });

  it('sends a ReadableStream body chunked, the bytes intact', async () => {
    echo();
    const bytes = randomBytes(200_000);
    const iterator = slowly(pieces(bytes, 4))[Symbol.asyncIterator]();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    await fetch(server.url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const seen = server.requests.at(-1)!;
    expect(seen.headers['transfer-encoding']).toBe('chunked');
    expect(seen.body.equals(bytes)).toBe(true);
  });

  it('frames a streamed body as chunked on methods node:http would not chunk (DELETE), and the socket stays usable', async () => {
    echo();
    const bytes = randomBytes(10_000);
    expect(await (await fetch(`${server.url}/item`, { method: 'DELETE', body: slowly(pieces(bytes, 3)) as unknown as BodyInit })).text()).toBe('DELETE 10000');
    const deleted = server.requests.at(-1)!;
    expect(deleted.headers['transfer-encoding']).toBe('chunked');
    expect(deleted.body.equals(bytes)).toBe(true);
    expect(await (await fetch(`${server.url}/next`, { method: 'POST', body: 'after' })).text()).toBe('POST 5');
    const next = server.requests.at(-1)!;
    expect([next.url, next.remotePort]).toEqual(['/next', deleted.remotePort]);
  });

  it('rejects with the error of a request body that fails mid-way', async () => {
    echo();
    const failure = new Error('disk read failed');
    async function* broken(): AsyncIterable<Uint8Array> {
      yield new Uint8Array([1, 2, 3]);
      await sleep(1);
      throw failure;
    }
    const before = server.requests.length;
    await expect(fetch(server.url, { method: 'POST', body: broken() as unknown as BodyInit })).rejects.toBe(failure);
    // The server never got a whole request to answer.
    expect(server.requests.length).toBe(before);
  });
});

describe('response bodies over node:http', () => {
  const big = randomBytes(4 * 1024 * 1024);

  it('reads a 4 MiB body whole and intact, chunked or with a length, directly or as a stream', async () => {
    server.handle((request, response) => {
      response.writeHead(200, request.url === '/sized' ? { 'content-length': String(big.length) } : {});
      // Written in 64 KiB pieces, so the body crosses the transport in many chunks.
      for (const piece of pieces(big, 64)) response.write(piece);
      response.end();
    });
    for (const path of ['/chunked', '/sized']) {
      const whole = Buffer.from(await (await fetch(`${server.url}${path}`, {})).arrayBuffer());
      expect(whole.equals(big), path).toBe(true);
      const reader = (await fetch(`${server.url}${path}`, {})).body!.getReader();
      const chunks: Uint8Array[] = [];
      for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
      expect(chunks.length).toBeGreaterThan(1);
      expect(Buffer.concat(chunks).equals(big), path).toBe(true);
    }
  });

  it('fails a body read that starts after the connection was cut, plain or gzip, instead of waiting forever', async () => {
    server.handle((request, response) => {
      const gzip = request.url === '/gzip';
      response.writeHead(200, gzip ? { 'content-encoding': 'gzip' } : { 'content-length': '100' });
      response.write(gzip ? gzipSync('x'.repeat(1000)).subarray(0, 10) : 'part');
      setImmediate(() => response.socket?.destroy());
    });
    for (const path of ['/plain', '/gzip']) {
      const whole = await fetch(`${server.url}${path}`, {});
      await server.requests.at(-1)!.closedEarly;
      await sleep(20);
      expect(await within(whole.text(), 2000), path).toEqual({ error: expect.objectContaining({ code: 'ECONNRESET' }) });
      const streamed = await fetch(`${server.url}${path}`, {});
      await server.requests.at(-1)!.closedEarly;
      await sleep(20);
      expect(await within(streamed.body!.getReader().read(), 2000), path).toEqual({ error: expect.objectContaining({ code: 'ECONNRESET' }) });
    }
  });

  it('fails a body read that starts after an abort with the abort reason', async () => {
    server.handle((_, response) => void response.writeHead(200).write('partial'));
    for (const read of [(response: Response) => response.text(), (response: Response) => response.body!.getReader().read()]) {
      const controller = new AbortController();
      const reason = new Error('user left');
      const response = await fetch(server.url, { signal: controller.signal });
      controller.abort(reason);
      await server.requests.at(-1)!.closedEarly;
      expect(await within(read(response), 2000)).toEqual({ error: reason });
    }
  });

  it('fails the web stream of a Node body destroyed without an error before it was read', async () => {
    const body = Readable.from(['never read']);
    body.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await within(nodeBodyToWebStream(body).getReader().read(), 1000)).toEqual({ error: expect.objectContaining({ code: 'ECONNRESET' }) });
  });

  it('keeps a response that pauses longer than the agent socket timeout (the timeout only closes idle sockets)', async () => {
    const transport = createNodeHttpFetch(async () => ({ request: httpRequest, agent: new Agent({ keepAlive: true, timeout: 50 }) }));
    server.handle((_, response) => {
      response.writeHead(200).write('before ');
      setTimeout(() => response.end('after'), 250);
    });
    expect(await (await transport(server.url, {})).text()).toBe('before after');
  });
});

describe('SSE over the byte lane of node:http bodies', () => {
  const handler = { onEvent: (event: { data: string }, controller: TransformStreamDefaultController<string>) => controller.enqueue(event.data) };

  it('parses through BYTE_CHUNKS, not the stream reader, and gets every event', async () => {
    server.handle(async (_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const data of ['one', 'two', '三']) {
        response.write(`data: ${data}\n\n`);
        await sleep(2);
      }
      response.end();
    });
    const body = (await fetch(server.url, {})).body!;
    const lane = (body as ReadableStream<Uint8Array> & { [BYTE_CHUNKS]?: ByteChunkSource })[BYTE_CHUNKS]!;
    expect(lane).toBeDefined();
    const readChunk = vi.spyOn(lane, 'readChunk');
    const readerRead = vi.spyOn(ReadableStreamDefaultReader.prototype, 'read');
    const parts = parseSseStream(body, handler, { provider: 'test' })[PART_BATCHES];
    const events: string[] = [];
    for (let batch = await parts.readParts(); batch; batch = await parts.readParts()) events.push(...batch);
    expect(events).toEqual(['one', 'two', '三']);
    // One lane read per network chunk at least (three writes apart in time), plus the one that saw the end.
    expect(readChunk.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(readerRead).not.toHaveBeenCalled();
    expect(body.locked).toBe(true);
  });

  it('ends a lane read pending on a silent server promptly when the parsed stream is cancelled, and closes the socket', async () => {
    server.handle((_, response) => void response.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: first\n\n'));
    const body = (await fetch(server.url, {})).body!;
    const seen = server.requests.at(-1)!;
    const stream = parseSseStream(body, handler, { provider: 'test' });
    expect(await stream[PART_BATCHES].readParts()).toEqual(['first']);
    const pending = stream[PART_BATCHES].readParts();
    await sleep(20);
    expect(await within(pending, 0)).toBe('pending');
    await stream.cancel(new Error('consumer left'));
    expect(await within(pending, 500)).toEqual({ value: undefined });
    await seen.closedEarly;
  });

  it('rejects a pending lane read with the abort reason when the request is aborted mid-body', async () => {
    server.handle((_, response) => void response.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: first\n\n'));
    const controller = new AbortController();
    const reason = new DOMException('stopped by the caller', 'AbortError');
    const body = (await fetch(server.url, { signal: controller.signal })).body!;
    const seen = server.requests.at(-1)!;
    const parts = parseSseStream(body, handler, { provider: 'test' })[PART_BATCHES];
    expect(await parts.readParts()).toEqual(['first']);
    const pending = parts.readParts();
    controller.abort(reason);
    expect(await within(pending, 500)).toEqual({ error: reason });
    await seen.closedEarly;
  });
});
