import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBodyCapped, ResponseTooLargeError } from '../../src/http/index.js';
import { loadNodeFetch } from '../../src/http/node/load-node-fetch.js';
import type { FetchFunction } from '../../src/http/send-request.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let other: TestServer;
let fetch: FetchFunction;

beforeAll(async () => {
  server = await startTestServer();
  other = await startTestServer();
  fetch = await loadNodeFetch();
  server.handle((request, response) => {
    if (request.url === '/loop') return void response.writeHead(302, { location: '/loop' }).end();
    if (request.url === '/away') return void response.writeHead(307, { location: `${other.url}/landing` }).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"a":[1,2],"t":"é"}');
  });
  other.handle((request, response) => void response.writeHead(200).end(JSON.stringify(request.headers)));
});

afterAll(async () => {
  await server.close();
  await other.close();
});

describe('responses of the node:http transport', () => {
  it('offer the Response API, the body read once by any of the body methods', async () => {
    const response = await fetch(server.url, {});
    expect(response).toMatchObject({ ok: true, status: 200, statusText: 'OK', redirected: false, url: `${server.url}/` });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'content-type': 'application/json' });
    expect(() => response.headers.set('x', 'y')).toThrow(TypeError);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ a: [1, 2], t: 'é' });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(await (await fetch(server.url, {})).text()).toBe('{"a":[1,2],"t":"é"}');
    const buffer = await (await fetch(server.url, {})).arrayBuffer();
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(buffer)).toBe('{"a":[1,2],"t":"é"}');
    const blob = await (await fetch(server.url, {})).blob();
    expect(blob.type).toBe('application/json');
    expect(blob.size).toBe(buffer.byteLength);
  });

  it('stream the body on request, and clone into two readable copies', async () => {
    const response = await fetch(server.url, {});
    const copy = response.clone();
    expect(await copy.json()).toEqual({ a: [1, 2], t: 'é' });
    expect(new TextDecoder().decode(await readBodyCapped(response, 1000))).toBe('{"a":[1,2],"t":"é"}');
    const streamed = await fetch(server.url, {});
    const reader = streamed.body!.getReader();
    expect(streamed.bodyUsed).toBe(true);
    expect((await reader.read()).value).toBeInstanceOf(Uint8Array);
  });

  it('apply the cap while reading directly', async () => {
    await expect(readBodyCapped(await fetch(server.url, {}), 5)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe('redirects in the node:http transport', () => {
  it('drop credentials on a cross-origin hop and keep the rest', async () => {
    const response = await fetch(`${server.url}/away`, { method: 'POST', headers: { authorization: 'Bearer sk-secret-123456', 'x-kept': '1' }, body: 'x' });
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${other.url}/landing`);
    const headers = (await response.json()) as Record<string, string>;
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-kept']).toBe('1');
  });

  it('stop after 20 hops with a TypeError', async () => {
    await expect(fetch(`${server.url}/loop`, {})).rejects.toThrow(TypeError);
    expect(server.requests.filter((request) => request.url === '/loop')).toHaveLength(21);
  });
});
