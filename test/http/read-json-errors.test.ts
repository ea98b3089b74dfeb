import { describe, expect, it } from 'vitest';
import { APICallError, InvalidResponseError, NetworkError } from '../../src/index.js';
import { readBody, readJson, sendRequest } from '../../src/http/index.js';

/** A body that sends `prefix` and then fails like a reset socket does under Node's fetch. */
function brokenBody(prefix: string, error: unknown = new TypeError('terminated')): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(error);
      sent = true;
      controller.enqueue(new TextEncoder().encode(prefix));
    },
  });
}

async function contextFor(body: ReadableStream<Uint8Array>) {
  return sendRequest({
    provider: 'test.chat',
    url: 'https://api.test/v1/chat?access_token=secret-token-123',
    headers: { authorization: 'Bearer sk-secret-key-456' },
    fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
  });
}

describe('readJson', () => {
  // Regression (issue 11 fault matrix): the runtime's untyped TypeError escaped.
  it('turns a body that breaks mid-way into a retryable NetworkError with the redacted URL', async () => {
    const { response, context } = await contextFor(brokenBody('{"choices":['));
    const error = await readJson(response, context).catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).isRetryable).toBe(true);
    expect((error as NetworkError).url).toBe('https://api.test/v1/chat?access_token=***');
    expect((error as NetworkError).message).toContain('while reading the response body');
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError);
  });

  it('passes an abort through untouched', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const { response, context } = await contextFor(brokenBody('{', abort));
    await expect(readJson(response, context)).rejects.toBe(abort);
  });

  it('still reports a body that is not JSON as InvalidResponseError', async () => {
    const { response, context } = await contextFor(new Response('<html>').body!);
    await expect(readJson(response, context)).rejects.toSatisfy((error) => InvalidResponseError.isInstance(error));
  });

  // Regression (issue 11 secret hygiene): a 200 body echoing the key kept it in InvalidResponseError.rawValue
  // (and in data that providers put in rawValue when the shape was wrong).
  it('scrubs credentials the body echoes before parsing it', async () => {
    const echo = (body: string) => contextFor(new Response(body).body!);
    const notJson = await echo('<html>bad key sk-secret-key-456</html>');
    const error = await readJson(notJson.response, notJson.context).catch((caught: unknown) => caught);
    expect((error as InvalidResponseError).rawValue).toBe('<html>bad key ***</html>');
    const json = await echo('{"unexpected":"token secret-token-123"}');
    expect(await readJson(json.response, json.context)).toEqual({ unexpected: 'token ***' });
  });
});

describe('readBody', () => {
  // Regression (issue 11 job matrix): providers reading bodies themselves (Midjourney tasks, Stability
  // images) let the runtime's TypeError and the internal ResponseTooLargeError escape untyped.
  it('types a broken body as NetworkError and a body over the cap as APICallError', async () => {
    const broken = await contextFor(brokenBody('PNG'));
    await expect(readBody(broken.response, broken.context)).rejects.toSatisfy((error) => NetworkError.isInstance(error));
    const big = await contextFor(new Response(new Uint8Array(2_000)).body!);
    const error = await readBody(big.response, big.context, 1_000).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).isRetryable).toBe(false);
    expect((error as APICallError).message).toContain('1000-byte limit');
  });
});
