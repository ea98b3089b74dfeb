import { afterEach, describe, expect, it } from 'vitest';
import { NodeResponse } from '../../src/http/node/node-response.js';
import { defaultFetch, isNodeOwnFetch } from '../../src/http/node/transport.js';
import { startTestServer } from './test-server.js';

// Read before msw patches the global in the setup file's beforeAll.
const nodeFetch = globalThis.fetch;
let patched: typeof globalThis.fetch | undefined;

afterEach(() => {
  if (patched) globalThis.fetch = patched;
  patched = undefined;
});

describe('defaultFetch on Node', () => {
  it("recognises Node's own fetch, and nothing that wraps or replaces it", () => {
    expect(isNodeOwnFetch(nodeFetch)).toBe(true);
    expect(isNodeOwnFetch(new Proxy(nodeFetch, {}))).toBe(false);
    expect(isNodeOwnFetch((input: RequestInfo | URL, init?: RequestInit) => nodeFetch(input, init))).toBe(false);
    expect(isNodeOwnFetch(undefined)).toBe(false);
  });

  it('uses the node:http transport while the global fetch is Node’s own', async () => {
    patched = globalThis.fetch;
    globalThis.fetch = nodeFetch;
    const transport = defaultFetch();
    expect(transport).not.toBe(nodeFetch);
    expect(defaultFetch()).toBe(transport);
    const server = await startTestServer();
    try {
      server.handle((_, response) => void response.writeHead(200).end('over node:http'));
      const response = await transport(`${server.url}/default`, { method: 'POST', body: 'x' });
      // The transport's own response class, not the global one Node's fetch answers with.
      expect(response).toBeInstanceOf(NodeResponse);
      expect(await response.text()).toBe('over node:http');
      expect(server.requests.map((seen) => `${seen.method} ${seen.url} ${seen.body.toString()}`)).toEqual(['POST /default x']);
    } finally {
      await server.close();
    }
  });

  it('honours a replaced global fetch (msw here), looked up at call time', () => {
    expect(isNodeOwnFetch(globalThis.fetch)).toBe(false);
    expect(defaultFetch()).toBe(globalThis.fetch);
    patched = globalThis.fetch;
    const replacement = async () => new Response('mock');
    globalThis.fetch = replacement;
    expect(defaultFetch()).toBe(replacement);
  });
});
