import { afterEach, describe, expect, it } from 'vitest';
import { defaultFetch, isNodeOwnFetch } from '../../src/http/node/transport.js';

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

  it('uses the node:http transport while the global fetch is Node’s own', () => {
    patched = globalThis.fetch;
    globalThis.fetch = nodeFetch;
    const transport = defaultFetch();
    expect(transport).not.toBe(nodeFetch);
    expect(defaultFetch()).toBe(transport);
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
