// Named imports, as load-node-fetch.ts takes them: msw replaces `request` on the module object, not the named
// export, so these requests reach the test server.
import { Agent, request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOpenAI } from '../../providers/openai/index.js';
import { APICallError, generateText, NetworkError, streamText } from '../../src/index.js';
import { readBodyCapped, readJson, ResponseTooLargeError, sendRequest } from '../../src/http/index.js';
import { loadNodeFetch } from '../../src/http/node/load-node-fetch.js';
import { createNodeHttpFetch, type NodeHttpClient } from '../../src/http/node/node-http-fetch.js';
import type { FetchFunction } from '../../src/http/send-request.js';
import { startTestServer, type TestServer } from './test-server.js';

// The node:http transport against a real node:http server on 127.0.0.1 (msw sees none of this traffic).
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

const KEY = 'sk-transport-secret-0123456789';

/** Resolves once `condition` holds, checking on every event-loop turn. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('node:http transport', () => {
  it('posts JSON with the caller headers and reads a JSON answer', async () => {
    server.handle((_, response) => void response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_1' }).end('{"ok":true,"text":"你好"}'));
    const response = await fetch(`${server.url}/v1/chat?x=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'x-custom': 'a' },
      body: JSON.stringify({ prompt: '你好' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(await response.json()).toEqual({ ok: true, text: '你好' });
    const seen = server.requests.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', url: '/v1/chat?x=1' });
    expect(seen.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'x-custom': 'a' });
    expect(seen.headers['content-length']).toBe(String(seen.body.length));
    expect(JSON.parse(seen.body.toString())).toEqual({ prompt: '你好' });
  });

  it('adds the content type fetch would for a string body, and sends FormData as multipart with a length', async () => {
    server.handle((_, response) => void response.writeHead(204).end());
    await fetch(server.url, { method: 'POST', body: 'plain' });
    expect(server.requests.at(-1)!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('file', new Blob([new Uint8Array(5000).fill(7)], { type: 'audio/wav' }), 'a.wav');
    const response = await fetch(server.url, { method: 'POST', body: form });
    expect(response.body).toBeNull();
    const seen = server.requests.at(-1)!;
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(Number(seen.headers['content-length'])).toBe(seen.body.length);
    expect(seen.body.toString('latin1')).toContain('name="file"; filename="a.wav"');
    await fetch(server.url, { method: 'POST', body: new Blob(['{}'], { type: 'application/json' }) });
    expect(server.requests.at(-1)!.headers['content-type']).toBe('application/json');
    expect(server.requests.at(-1)!.body.toString()).toBe('{}');
  });

  it('streams the body with backpressure: the server blocks while the reader waits, then everything arrives', async () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    const total = 256;
    let written = 0;
    let blocked = false;
    server.handle(async (_, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      while (written < total) {
        written++;
        if (!response.write(chunk)) {
          blocked = true;
          await new Promise((resolve) => response.once('drain', resolve));
        }
      }
      response.end();
    });
    const response = await fetch(server.url, {});
    const reader = response.body!.getReader();
    const first = await reader.read();
    await until(() => blocked);
    // 16 MiB were on offer; what the server could write before blocking is bounded by the buffers.
    expect(written).toBeLessThan(total / 2);
    let received = first.value!.byteLength;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      expect(value).not.toBeInstanceOf(Buffer);
      received += value.byteLength;
    }
    expect(received).toBe(total * chunk.length);
  });

  it('aborts before the headers with the caller reason and closes the socket', async () => {
    server.handle(() => {});
    const controller = new AbortController();
    const reason = new Error('stop');
    const pending = fetch(`${server.url}/hang`, { method: 'POST', body: '{}', signal: controller.signal });
    await until(() => server.requests.at(-1)?.url === '/hang');
    const seen = server.requests.at(-1)!;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await seen.closedEarly;
  });

  it('aborts mid-body: the read rejects with the reason and the socket closes', async () => {
    server.handle((_, response) => void response.writeHead(200).write('data: one\n\n'));
    const controller = new AbortController();
    const reason = new Error('navigated away');
    const response = await fetch(`${server.url}/mid`, { signal: controller.signal });
    const seen = server.requests.at(-1)!;
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: one\n\n');
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
    await seen.closedEarly;
  });

  it('closes the socket when the body is cancelled', async () => {
    server.handle((_, response) => void response.writeHead(200).write('partial'));
    const response = await fetch(`${server.url}/cancel`, {});
    const seen = server.requests.at(-1)!;
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await seen.closedEarly;
  });

  it('reports a connection cut mid-body as an error of the read', async () => {
    server.handle((_, response) => {
      response.writeHead(200, { 'content-length': '100' }).write('only part');
      setImmediate(() => response.socket?.destroy());
    });
    const response = await fetch(`${server.url}/cut`, {});
    await expect(response.text()).rejects.toThrow();
  });

  it('follows a 307 with the body and turns a 303 into a GET', async () => {
    server.handle((request, response) => {
      if (request.url === '/old') return void response.writeHead(307, { location: '/new' }).end();
      if (request.url === '/see-other') return void response.writeHead(303, { location: '/new' }).end();
      response.writeHead(200).end(`${request.method} ${request.body.toString()}`);
    });
    expect(await (await fetch(`${server.url}/old`, { method: 'POST', body: 'kept' })).text()).toBe('POST kept');
    expect(await (await fetch(`${server.url}/see-other`, { method: 'POST', body: 'dropped' })).text()).toBe('GET ');
  });

  it('decodes a gzip body a server sends unasked', async () => {
    server.handle((_, response) => void response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }).end(gzipSync('{"zipped":true}')));
    expect(await (await fetch(server.url, {})).json()).toEqual({ zipped: true });
  });

  it('caps a body by its declared length and while streaming, closing the socket', async () => {
    server.handle((_, response) => void response.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000)));
    await expect(readBodyCapped(await fetch(server.url, {}), 1000)).rejects.toBeInstanceOf(ResponseTooLargeError);
    server.handle((_, response) => void response.writeHead(200).write(Buffer.alloc(4000)));
    const response = await fetch(`${server.url}/chunked`, {});
    const seen = server.requests.at(-1)!;
    await expect(readBodyCapped(response, 1000)).rejects.toBeInstanceOf(ResponseTooLargeError);
    await seen.closedEarly;
  });
});

describe('sendRequest over the node:http transport', () => {
  const send = (path: string) =>
    sendRequest({ provider: 'test.chat', url: `${server.url}${path}?key=${KEY}`, headers: { authorization: `Bearer ${KEY}` }, body: '{}', fetch });

  it('maps an error status with its headers, redacting the key from the message, URL and body', async () => {
    server.handle((_, response) => void response.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `slow down ${KEY}` } })));
    const error = (await send('/limited').catch((caught: unknown) => caught)) as APICallError;
    expect(error).toBeInstanceOf(APICallError);
    expect(error.statusCode).toBe(429);
    expect(error.isRetryable).toBe(true);
    expect(error.responseHeaders?.['retry-after']).toBe('0');
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
    expect(error.url).toContain('key=***');
  });

  it('reads a 2xx JSON body and rejects one over the cap with APICallError', async () => {
    server.handle((_, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'));
    const { response, context } = await send('/ok');
    expect(await readJson(response, context)).toEqual({ a: 1 });
    server.handle((_, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ big: 'x'.repeat(5000) })));
    const big = await send('/big');
    await expect(readJson(big.response, big.context, 1000)).rejects.toBeInstanceOf(APICallError);
  });

  it('turns a refused connection into a NetworkError without the key', async () => {
    const closed = await startTestServer();
    await closed.close();
    const error = await sendRequest({ provider: 'test.chat', url: `${closed.url}/?key=${KEY}`, headers: { authorization: `Bearer ${KEY}` }, fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });
});

describe('generateText and streamText over the node:http transport', () => {
  const openai = () => createOpenAI({ apiKey: KEY, baseURL: `${server.url}/v1`, fetch });

  it('times out a request that never answers with a TimeoutError and closes the socket', async () => {
    server.handle(() => {});
    const error = await generateText({ model: openai()('gpt-4o'), prompt: 'x', timeout: 50, maxRetries: 0 }).catch((caught: unknown) => caught);
    expect((error as DOMException).name).toBe('TimeoutError');
    await server.requests.at(-1)!.closedEarly;
  });

  it('streams SSE text and closes the socket when the consumer breaks out', async () => {
    const event = (text: string) => `data: ${JSON.stringify({ id: 'c1', model: 'gpt-4o', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })}\n\n`;
    server.handle((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(event('Hello'));
      response.write(event(' world'));
    });
    const result = streamText({ model: openai()('gpt-4o'), prompt: 'x' });
    const seen: string[] = [];
    for await (const delta of result.textStream) {
      seen.push(delta);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['Hello', ' world']);
    await server.requests.at(-1)!.closedEarly;
    await expect(result.text).rejects.toBeDefined();
  });
});

describe('node:http transport connections and routing', () => {
  it('keeps the connection alive: sequential requests arrive on the same socket', async () => {
    server.handle((_, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end('{"n":1}'));
    expect(await (await fetch(`${server.url}/first`, { method: 'POST', body: '{}' })).json()).toEqual({ n: 1 });
    expect(await (await fetch(`${server.url}/second`, {})).text()).toBe('{"n":1}');
    const [first, second] = server.requests.slice(-2);
    expect([first!.url, second!.url]).toEqual(['/first', '/second']);
    expect(second!.remotePort).toBe(first!.remotePort);
    expect(second!.headers.connection).toBe('keep-alive');
  });

  it('opens a new socket after a cancelled body instead of reusing the closed one', async () => {
    server.handle((request, response) => void (request.url === '/cut' ? response.writeHead(200).write('partial') : response.writeHead(200).end('whole')));
    const cancelled = await fetch(`${server.url}/cut`, {});
    await cancelled.body!.cancel();
    await server.requests.at(-1)!.closedEarly;
    expect(await (await fetch(`${server.url}/after`, {})).text()).toBe('whole');
    const [cut, after] = server.requests.slice(-2);
    expect(after!.remotePort).not.toBe(cut!.remotePort);
  });

  it('hands a Request object, a non-HTTP URL and redirect: manual to the global fetch, and nothing else', async () => {
    const global = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('from the global fetch'));
    server.handle((_, response) => void response.writeHead(200).end('from node:http'));
    const request = new Request(`${server.url}/object`);
    expect(await (await fetch(request)).text()).toBe('from the global fetch');
    expect(global).toHaveBeenLastCalledWith(request, {});
    expect(await (await fetch('data:text/plain,hi', {})).text()).toBe('from the global fetch');
    expect(global).toHaveBeenLastCalledWith('data:text/plain,hi', {});
    const manual = { redirect: 'manual' as const };
    await fetch(`${server.url}/manual`, manual);
    expect(global).toHaveBeenLastCalledWith(`${server.url}/manual`, manual);
    expect(global).toHaveBeenCalledTimes(3);
    const before = server.requests.length;
    expect(await (await fetch(`${server.url}/direct`, {})).text()).toBe('from node:http');
    expect(global).toHaveBeenCalledTimes(3);
    expect(server.requests.slice(before).map((seen) => seen.url)).toEqual(['/direct']);
  });

  it('shows the interceptor every hop of a redirect chain, and sends what it returns', async () => {
    const hops: Array<{ url: string; headers: Record<string, string> }> = [];
    const relayed = await loadNodeFetch(({ url, headers }) => {
      hops.push({ url: url.href, headers });
      // Every hop goes to the test server whatever origin it names, with a header the server can see.
      return { url: new URL(`${url.pathname}${url.search}`, server.url), headers: { ...headers, 'x-hop': String(hops.length) } };
    });
    server.handle((request, response) => {
      if (request.url === '/a?q=1') return void response.writeHead(307, { location: 'http://provider.invalid/b' }).end();
      if (request.url === '/b') return void response.writeHead(302, { location: '/c' }).end();
      response.writeHead(200).end(`${request.method} ${request.body.toString()}`);
    });
    const before = server.requests.length;
    const response = await relayed('http://api.example.invalid/a?q=1', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-hop' }, body: '{"x":1}' });
    expect(await response.text()).toBe('GET ');
    expect(response.url).toBe('http://provider.invalid/c');
    expect(hops.map((hop) => hop.url)).toEqual(['http://api.example.invalid/a?q=1', 'http://provider.invalid/b', 'http://provider.invalid/c']);
    // The 307 kept method and body; the cross-origin hop dropped the credential; the 302 turned the POST into a GET.
    expect(hops[1]!.headers).toEqual({ 'content-type': 'application/json' });
    expect(hops[2]!.headers).toEqual({});
    const wire = server.requests.slice(before);
    expect(wire.map((seen) => [seen.method, seen.url, seen.headers['x-hop'], seen.body.toString()])).toEqual([
      ['POST', '/a?q=1', '1', '{"x":1}'],
      ['POST', '/b', '2', '{"x":1}'],
      ['GET', '/c', '3', ''],
    ]);
    expect(wire[0]!.headers.authorization).toBe('Bearer sk-hop');
    expect(wire[1]!.headers.authorization).toBeUndefined();
  });
});

describe('node:http transport clients', () => {
  const httpClient = (): NodeHttpClient => ({ request: httpRequest, agent: new Agent({ keepAlive: true }) });

  it('loads one client per protocol, shared by requests made before it arrived', async () => {
    const load = vi.fn(async (protocol: 'http:' | 'https:') => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return protocol === 'http:' ? httpClient() : Promise.reject(new Error('no https here'));
    });
    const transport = createNodeHttpFetch(load);
    server.handle((_, response) => void response.writeHead(200).end('ok'));
    const answers = await Promise.all([1, 2, 3].map(() => transport(server.url, {}).then((response) => response.text())));
    expect(answers).toEqual(['ok', 'ok', 'ok']);
    await transport(server.url, {});
    expect(load.mock.calls).toEqual([['http:']]);
  });

  it('routes https URLs to the https client, and tries a failed load again on the next request', async () => {
    let failures = 1;
    const load = vi.fn(async (protocol: 'http:' | 'https:'): Promise<NodeHttpClient> => {
      if (failures-- > 0) throw new Error('TLS unavailable');
      // A stand-in https client that speaks plain HTTP to the test server, to see which client a request got.
      const client = httpClient();
      return { agent: client.agent, request: (url, options, callback) => httpRequest(new URL(url.href.replace(/^https:/, 'http:')), options, callback) };
    });
    const transport = createNodeHttpFetch(load);
    server.handle((request, response) => void response.writeHead(200).end(`secure ${request.url}`));
    const secureUrl = server.url.replace(/^http:/, 'https:');
    await expect(transport(`${secureUrl}/one`, {})).rejects.toThrow('TLS unavailable');
    expect(await (await transport(`${secureUrl}/two`, {})).text()).toBe('secure /two');
    expect(load.mock.calls).toEqual([['https:'], ['https:']]);
  });
});
